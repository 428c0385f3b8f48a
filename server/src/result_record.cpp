// A result as stored (path, score, ending) and as shown (core's record, rebuilt by replaying).
#include "result_record.h"

namespace ff::server {
namespace {

ResultRecord from_columns(const StoredResult& r) {
    ResultRecord out;
    out.id = r.uuid;
    out.pack_id = r.pack_id;
    out.pack_version = r.pack_version;
    out.pack_hash = r.pack_hash;
    out.scenario_id = r.scenario_id;
    out.category = r.category;
    out.choices = r.choices;
    out.ending_id = r.ending_id;
    out.ending_kind = parse_ending_kind(r.ending_kind).value_or(EndingKind::safe);
    out.score = r.score;
    return out;
}

} // namespace

ResultRecord stored_record(PackCache& packs, const StoredResult& r, const LogFn& log) {
    std::string why;
    try {
        if (auto pack = packs.by_hash(r.pack_hash)) {
            MakeResult made = make_result(*pack, r.scenario_id, r.choices);
            if (made.record && made.record->score == r.score && made.record->ending_id == r.ending_id) {
                made.record->id = r.uuid;
                return std::move(*made.record);
            }
            why = made.record ? "its replay now scores " + std::to_string(made.record->score) + " ending " +
                                    made.record->ending_id
                              : "its path no longer replays: " + made.error;
        } else {
            why = "pack version " + r.pack_hash.substr(0, 12) + " is not on the server or no longer loads";
        }
    } catch (const std::exception& e) {
        why = std::string("replay failed: ") + e.what();
    }
    if (log)
        log("result " + r.uuid + " shown from its stored score " + std::to_string(r.score) + " ending " + r.ending_id +
            ": " + why);
    return from_columns(r);
}

StoredResult to_stored(ResultRecord made, int64_t student_id, int64_t class_id) {
    StoredResult r;
    r.uuid = std::move(made.id);
    r.student_id = student_id;
    r.class_id = class_id;
    r.pack_id = std::move(made.pack_id);
    r.pack_version = made.pack_version;
    r.pack_hash = std::move(made.pack_hash);
    r.scenario_id = std::move(made.scenario_id);
    r.category = std::move(made.category);
    r.ending_id = std::move(made.ending_id);
    r.ending_kind = to_string(made.ending_kind);
    r.score = made.score;
    r.choices = std::move(made.choices);
    return r;
}

} // namespace ff::server
