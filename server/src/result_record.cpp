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

ResultRecord stored_record(PackCache& packs, const StoredResult& r) {
    auto pack = packs.by_hash(r.pack_hash);
    if (!pack) return from_columns(r);
    MakeResult made = make_result(*pack, r.scenario_id, r.choices);
    if (!made.record || made.record->score != r.score || made.record->ending_id != r.ending_id)
        return from_columns(r);
    made.record->id = r.uuid;
    return std::move(*made.record);
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
