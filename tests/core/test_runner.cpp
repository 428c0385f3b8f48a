// The runner as a state machine: messages on screen, choices offered, path and ending.
#include "fixtures.h"

#include "fraudfree/runner.h"

#include <catch2/catch.hpp>

using namespace ff;

SCENARIO("playing a scenario step by step") {
    const Scenario& s = rebate_scenario();
    GIVEN("a fresh runner") {
        Runner run(s);
        THEN("it stands at the start node with its messages and choices") {
            CHECK_FALSE(run.finished());
            REQUIRE(run.node());
            CHECK(run.node()->id == "hello");
            CHECK(run.ending() == nullptr);
            CHECK(run.pending_messages().size() == 2);
            CHECK(run.choices().size() == 2);
            CHECK(run.path().empty());
            REQUIRE(run.transcript().size() == 2);
            CHECK(run.transcript()[0].who == TranscriptEntry::Who::them);
            CHECK(run.transcript()[0].message == &s.nodes[0].messages[0]);
            CHECK(run.transcript()[0].node_id == "hello");
        }
        WHEN("a choice number out of range is taken") {
            THEN("nothing changes") {
                CHECK_FALSE(run.choose(0));
                CHECK_FALSE(run.choose(3));
                CHECK_FALSE(run.choose(-1));
                CHECK(run.path().empty());
                CHECK(run.node()->id == "hello");
                CHECK(run.transcript().size() == 2);
            }
        }
        WHEN("the student plays along, then pays") {
            REQUIRE(run.choose(2));
            THEN("the next node's messages follow the reply in the transcript") {
                CHECK(run.node()->id == "task");
                CHECK(run.choices().size() == 3);
                REQUIRE(run.transcript().size() == 5);
                CHECK(run.transcript()[2].who == TranscriptEntry::Who::me);
                CHECK(run.transcript()[2].text == "好呀，我试试。");
                CHECK(run.transcript()[2].message == nullptr);
                CHECK(run.transcript()[3].node_id == "task");
            }
            AND_WHEN("they pay twice") {
                REQUIRE(run.choose(2));
                REQUIRE(run.choose(2));
                THEN("the run is finished at the scammed ending and takes no more choices") {
                    CHECK(run.finished());
                    CHECK(run.node() == nullptr);
                    REQUIRE(run.ending());
                    CHECK(run.ending()->id == "end-scammed");
                    CHECK(run.choices().empty());
                    CHECK(run.path() == std::vector<int>{2, 2, 2});
                    CHECK_FALSE(run.choose(1));
                    CHECK(run.path().size() == 3);
                }
            }
            AND_WHEN("they stop after the first payment") {
                REQUIRE(run.choose(2));
                REQUIRE(run.choose(1));
                THEN("the ending's own messages are pending and in the transcript") {
                    CHECK(run.ending()->id == "end-partial");
                    REQUIRE(run.pending_messages().size() == 1);
                    CHECK(run.transcript().back().text == "你已被移出群聊");
                    CHECK(run.transcript().back().node_id == "end-partial");
                }
            }
        }
    }
}

SCENARIO("replaying a list of choices") {
    const Scenario& s = rebate_scenario();
    WHEN("the path is complete") {
        auto r = replay(s, {2, 3});
        THEN("the runner is finished at that ending") {
            REQUIRE(r);
            CHECK(r->finished());
            CHECK(r->ending()->id == "end-safe");
            CHECK(r->path() == std::vector<int>{2, 3});
        }
    }
    WHEN("the path stops early") {
        auto r = replay(s, {2});
        THEN("the unfinished runner comes back") {
            REQUIRE(r);
            CHECK_FALSE(r->finished());
            CHECK(r->node()->id == "task");
        }
    }
    WHEN("a number is out of range at its step or comes after the end") {
        CHECK_FALSE(replay(s, {3}));
        CHECK_FALSE(replay(s, {2, 4}));
        CHECK_FALSE(replay(s, {1, 1}));
    }
}

SCENARIO("pacing: which messages are due") {
    std::vector<Message> msgs(3);
    msgs[0].delay = 1.0;
    msgs[1].delay = 2.0;
    msgs[2].delay = 0.5;
    CHECK(messages_due(msgs, 0.0, 1.0) == 0);
    CHECK(messages_due(msgs, 0.99, 1.0) == 0);
    CHECK(messages_due(msgs, 1.0, 1.0) == 1);
    CHECK(messages_due(msgs, 2.9, 1.0) == 1);
    CHECK(messages_due(msgs, 3.0, 1.0) == 2);
    CHECK(messages_due(msgs, 3.5, 1.0) == 3);
    CHECK(messages_due(msgs, 100.0, 1.0) == 3);
    CHECK(messages_due(msgs, 1.7, 0.5) == 2);
    CHECK(messages_due(msgs, 1.75, 0.5) == 3);
    CHECK(messages_due(msgs, 0.0, 0.0) == 3);
    CHECK(messages_due({}, 5.0, 1.0) == 0);
}

SCENARIO("enumerating every path") {
    const Scenario& s = rebate_scenario();
    const auto paths = all_paths(s);
    THEN("each complete path is listed once, in choice order") {
        const std::vector<std::vector<int>> expected{{1}, {2, 1}, {2, 2, 1}, {2, 2, 2}, {2, 3}};
        CHECK(paths == expected);
    }
    THEN("the limit bounds the count") { CHECK(all_paths(s, 2).size() == 2); }
    GIVEN("an unvalidated scenario with a cycle") {
        Scenario c;
        c.start = "a";
        c.nodes.resize(2);
        c.nodes[0].id = "a";
        c.nodes[0].choices = {Choice{}, Choice{}};
        c.nodes[0].choices[0].next = "b";
        c.nodes[0].choices[1].next = "end";
        c.nodes[1].id = "b";
        c.nodes[1].choices = {Choice{}};
        c.nodes[1].choices[0].next = "a";
        c.endings.resize(1);
        c.endings[0].id = "end";
        THEN("it still terminates with the acyclic paths") {
            CHECK(all_paths(c) == std::vector<std::vector<int>>{{2}});
        }
    }
}
