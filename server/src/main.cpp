// fraudfree-server: the companion server for classes, results and the pack catalogue.
#include "config.h"
#include "serve.h"

#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    ff::server::Command cmd;
    try {
        cmd = ff::server::parse_command_line(args);
    } catch (const std::invalid_argument& e) {
        std::cerr << "fraudfree-server: " << e.what() << "\n\n" << ff::server::usage_text();
        return 2;
    }
    switch (cmd.kind) {
    case ff::server::Command::Kind::serve: return ff::server::run_serve(cmd.serve, std::cout);
    case ff::server::Command::Kind::token_create: return ff::server::run_token_create(cmd.token, std::cout);
    case ff::server::Command::Kind::help: break;
    }
    std::cout << ff::server::usage_text();
    return args.empty() ? 2 : 0;
}
