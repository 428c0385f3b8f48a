#include "net/http_client.h"

#include <httplib.h>

namespace ff::net {

namespace {

std::string network_error_text(httplib::Error e)
{
    switch (e) {
    case httplib::Error::Connection: return "连不上服务器（服务器没有开，或网络不通）";
    case httplib::Error::ConnectionTimeout: return "连接服务器超时";
    case httplib::Error::Read: return "服务器没有及时回应或中途断开";
    case httplib::Error::Write: return "发送数据时连接中断";
    case httplib::Error::Canceled: return "请求已取消或回应过大";
    case httplib::Error::SSLConnection:
    case httplib::Error::SSLLoadingCerts:
    case httplib::Error::SSLServerVerification: return "安全连接（https）失败";
    default: break;
    }
    return "网络错误（" + httplib::to_string(e) + "）";
}

httplib::Headers headers_for(const std::string& token)
{
    httplib::Headers h{{"Accept", "application/json"}};
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    return h;
}

} // namespace

std::string error_text(int status, const std::string& body)
{
    try {
        auto j = nlohmann::json::parse(body);
        if (j.is_object() && j.contains("error") && j["error"].is_string())
            return j["error"].get<std::string>();
    } catch (const nlohmann::json::exception&) {
    }
    if (status >= 500) return "服务器内部错误（" + std::to_string(status) + "）";
    return "服务器拒绝了请求（" + std::to_string(status) + "）";
}

HttpClient::HttpClient(ServerUrl url, ClientOptions options)
    : url_(std::move(url)), options_(options), client_(std::make_unique<httplib::Client>(url_.origin()))
{
    client_->set_connection_timeout(options_.connect_timeout);
    client_->set_read_timeout(options_.read_timeout);
    client_->set_write_timeout(options_.write_timeout);
    client_->set_keep_alive(false);
}

HttpClient::~HttpClient() = default;

HttpReply HttpClient::get(const std::string& path, const std::string& token)
{
    std::lock_guard lock(request_mutex_);
    std::string body;
    bool too_large = false;
    auto res = client_->Get(url_.base_path + path, headers_for(token), [&](const char* data, std::size_t n) {
        if (body.size() + n > options_.max_body) {
            too_large = true;
            return false;
        }
        body.append(data, n);
        return true;
    });
    HttpReply r;
    if (too_large) {
        r.network_error = true;
        r.error = "服务器回应过大（超过 " + std::to_string(options_.max_body / 1024) + " KB）";
        return r;
    }
    if (!res) {
        r.network_error = true;
        r.error = network_error_text(res.error());
        return r;
    }
    r.status = res->status;
    r.body = std::move(body);
    if (!r.ok()) r.error = error_text(r.status, r.body);
    return r;
}

HttpReply HttpClient::post_json(const std::string& path, const nlohmann::json& body, const std::string& token)
{
    std::lock_guard lock(request_mutex_);
    auto res = client_->Post(url_.base_path + path, headers_for(token), body.dump(), "application/json");
    HttpReply r;
    if (!res) {
        r.network_error = true;
        r.error = network_error_text(res.error());
        return r;
    }
    r.status = res->status;
    if (res->body.size() > options_.max_body) {
        r.network_error = true;
        r.error = "服务器回应过大";
        return r;
    }
    r.body = std::move(res->body);
    if (!r.ok()) r.error = error_text(r.status, r.body);
    return r;
}

void HttpClient::cancel() { client_->stop(); }

} // namespace ff::net
