// Typed, position-aware access to the fields of one TOML table, with unknown-key
// detection. Every problem becomes a diagnostic in plain Chinese; nothing throws. Private.
#pragma once

#include "fraudfree/diagnostics.h"
#include "fraudfree/model.h"

#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace ff::detail {

// Where diagnostics go while one pack loads.
struct Diags {
    std::vector<Diagnostic>& list;
    void error(const SourcePos& p, std::string message);
    void warning(const SourcePos& p, std::string message);

    // A value missing from a file's top level, remembered so that when it turns up under a
    // [section] (where TOML files it) the two errors become one at that line.
    struct MissingTopKey {
        std::string file, key, what; // what: "剧本文件里缺少必填项 “summary”（…）"
        size_t index;                // of its error in `list`
    };
    std::vector<MissingTopKey> missing_top = {};
};

SourcePos pos_of(const toml::source_region& r, const std::string& file);
inline SourcePos pos_of(const toml::node& n, const std::string& file) { return pos_of(n.source(), file); }

// "文字（带引号的字符串）", "整数", ... for "you wrote a ..." messages.
std::string type_name_zh(const toml::node& n);

// A string with its source position.
struct IdRef {
    std::string id;
    SourcePos pos;
};

// A whole file's top level has no [header] of its own, and toml++ places it at 1:1 even
// when line 1 is a comment; its problems are reported at its first key instead.
enum class TableKind { section, file };

class Fields {
public:
    // `where` names the table for messages, e.g. "[[node.choice]]" or "剧本文件"; it must
    // outlive the Fields (callers pass string literals). Unknown keys are reported here, at once;
    // one that looks like a typo of an absent key is remembered, so that when that key turns
    // out to be required the author gets one error at the typo instead of two.
    Fields(const toml::table& table, const std::string& file, std::string_view where, Diags& diags,
           std::initializer_list<std::string_view> known, TableKind kind = TableKind::section);

    const std::string& file() const { return file_; }
    Diags& diags() { return diags_; }
    // Position of the table itself (its [header], or the first key of the file).
    SourcePos table_pos() const;
    // Position of a key's value; the table's position when the key is absent.
    SourcePos pos(std::string_view key) const;
    bool has(std::string_view key) const { return table_.contains(key); }

    // Required text; blank text is an error. False when absent, mistyped or blank.
    bool text(std::string_view key, std::string& out, SourcePos* at = nullptr);
    // Optional text; may be empty.
    bool opt_text(std::string_view key, std::string& out, SourcePos* at = nullptr);
    // Integer in [min, max].
    bool integer(std::string_view key, int64_t& out, bool required, int64_t min, int64_t max,
                 std::string_view range_hint);
    // Integer or float in [min, max] (NaN and infinities are out of range).
    bool number(std::string_view key, double& out, bool required, double min, double max,
                std::string_view range_hint);
    bool boolean(std::string_view key, bool& out);
    // Array of strings; each item non-blank when `items_required`.
    bool text_list(std::string_view key, std::vector<IdRef>& out, bool required);
    const toml::table* table(std::string_view key, bool required);
    // Array of tables written as [[key]] (or an inline array of { } tables).
    std::vector<const toml::table*> tables(std::string_view key, bool required);

private:
    // A typo'd key whose intended key is absent, and the index of its unknown-key error.
    struct Typo {
        std::string written, intended;
        size_t diag_index;
    };

    // `is_section`: the key names a table ([contact], [[node]]) rather than a value.
    void missing(std::string_view key, bool is_section);
    // True when `key`, unknown here, is a value the file's top level lacks: that error moves
    // to `at` and says to move the line up, instead of a second error here.
    bool moved_from_top(std::string_view key, const SourcePos& at);
    const toml::node* get(std::string_view key) const { return table_.get(key); }
    void wrong_type(std::string_view key, const toml::node& n, std::string_view expected);
    bool string_value(std::string_view key, const toml::node& n, std::string& out, SourcePos* at);

    const toml::table& table_;
    const std::string& file_;
    std::string_view where_;
    Diags& diags_;
    TableKind kind_;
    std::vector<Typo> typos_;
};

} // namespace ff::detail
