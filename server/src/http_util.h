// Helpers shared by the route files: JSON bodies and errors, typed field access that
// answers 400 instead of throwing deep inside, authentication and role checks.
#pragma once

#include "app.h"
#include "storage.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <stdexcept>
#include <string>

namespace ff::server {

// A user-caused error with the status to answer; caught by guarded().
struct HttpError : std::runtime_error {
    HttpError(int status, const std::string& message) : std::runtime_error(message), status(status) {}
    int status;
};

void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_error(httplib::Response& res, int status, const std::string& message);

// The answer to an exception: HttpError -> its status, JSON type errors -> 400, a busy or
// failing database -> 503 (the client retries), anything else -> 500 and a log line.
void send_exception(App& app, httplib::Response& res, std::exception_ptr error);

// Wraps a handler, answering what it throws with send_exception.
httplib::Server::Handler guarded(App& app, std::function<void(const httplib::Request&, httplib::Response&)> fn);

// The body as a JSON object; 413 beyond `limit` bytes, 400 when malformed or not an object.
nlohmann::json parse_json_body(const httplib::Request& req, std::size_t limit);

// Field access on a JSON object; 400 with the field's name when missing or mistyped.
std::string string_field(const nlohmann::json& obj, const char* key, std::size_t max_bytes);
std::optional<std::string> optional_string_field(const nlohmann::json& obj, const char* key, std::size_t max_bytes);
double number_field(const nlohmann::json& obj, const char* key, double lo, double hi);
bool bool_field(const nlohmann::json& obj, const char* key);

// The n-th regex capture of the route as a positive id; 404 when it is not a number.
int64_t path_id(const httplib::Request& req, std::size_t n);

// The caller from "Authorization: Bearer TOKEN"; 401 when missing or unknown.
Principal authenticate(App& app, const httplib::Request& req);
// As authenticate, and 403 unless the caller has one of `roles`.
Principal require_role(App& app, const httplib::Request& req, std::initializer_list<Role> roles);

} // namespace ff::server
