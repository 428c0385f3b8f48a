// A synthetic pack for the loading benchmark. Every scenario is a chain of nodes with side
// exits, so all nodes are reachable, every node reaches an ending and there are no cycles.
#include "scenario_generator.h"

#include <array>
#include <cstdio>
#include <string>

namespace ff::bench {
namespace {

constexpr std::array<const char*, 14> kFlags = {
    "pay_first",    "too_good",      "verification_code", "personal_info", "fake_authority",
    "urgency",      "off_platform",  "screen_share",      "safe_account",  "unknown_link",
    "secrecy",      "emotional_pressure", "escalating_tasks", "unasked_refund"};

constexpr std::array<const char*, 6> kLines = {
    "同学你好～我们是XX传媒，现在招手机点赞员，日结200-500，动动手指就能赚钱！",
    "先试一单，点赞截图发我，马上返你12元佣金，名额有限先到先得哦。",
    "做得好！现在有进阶任务，先垫付 300 元，完成后连本带利返你 390 元。",
    "系统显示你操作失误，账户被冻结了，需要再交 2000 元解冻费才能提现。",
    "这是内部渠道，千万别告诉辅导员和家里人，不然名额就作废了。",
    "下载这个APP，在里面继续做任务，链接发你了，十分钟内完成。"};

std::string node_id(int i) { return "n" + std::to_string(i); }

std::string scenario_file(int s, int nodes) {
    std::string t;
    t.reserve(static_cast<size_t>(nodes) * 900);
    t += "id = \"gen-" + std::to_string(s) + "\"\n";
    t += "title = \"生成的剧本 " + std::to_string(s) + "\"\n";
    t += "summary = \"基准测试用的刷单返利剧本，节点较多。\"\n";
    t += "category = \"rebate\"\ndifficulty = 2\nchannel = \"chat\"\nstart = \"n0\"\n\n";
    t += "[contact]\nname = \"兼职小助手-琳琳\"\navatar = \"girl\"\nplatform = \"QQ群\"\n\n";
    for (int i = 0; i < nodes; ++i) {
        const bool last = i == nodes - 1;
        const std::string f1 = kFlags[static_cast<size_t>(s + i) % kFlags.size()];
        const std::string f2 = kFlags[static_cast<size_t>(s + 3 * i + 1) % kFlags.size()];
        t += "[[node]]\nid = \"" + node_id(i) + "\"\n\n";
        t += "  [[node.message]]\n  text = \"" + std::string(kLines[static_cast<size_t>(i) % kLines.size()]) +
             "\"\n  delay = 1.5\n  flags = [\"" + f1 + "\"]\n\n";
        t += "  [[node.message]]\n  from = \"群成员-小王\"\n  text = \"" +
             std::string(kLines[static_cast<size_t>(i + 1) % kLines.size()]) + "\"\n  flags = [\"" + f2 + "\"]\n";
        if (i % 3 == 0)
            t += "  attachment = { kind = \"transfer\", title = \"¥ 12.00\", detail = \"试单佣金\" }\n";
        t += "\n";
        t += "  [[node.choice]]\n  text = \"这不对劲，我不做了，也不会转钱。\"\n  next = \"end-safe\"\n"
             "  catches = [\"" + f1 + "\", \"" + f2 + "\"]\n\n";
        t += "  [[node.choice]]\n  text = \"好的，我照你说的做。\"\n  next = \"" +
             (last ? std::string("end-scammed") : node_id(i + 1)) + "\"\n  loses = " + std::to_string(100 * (i + 1)) +
             "\n\n";
        if (!last && i + 2 < nodes) {
            t += "  [[node.choice]]\n  text = \"我先转一点试试看。\"\n  next = \"" + node_id(i + 2) +
                 "\"\n  loses = 50\n\n";
        }
        if (last || i % 4 == 3) {
            t += "  [[node.choice]]\n  text = \"我不转了，马上打 96110 报警，联系银行冻结。\"\n"
                 "  next = \"end-partial\"\n  catches = [\"" + f1 + "\"]\n  reports = true\n\n";
        }
    }
    t += "[[ending]]\nid = \"end-safe\"\nkind = \"safe\"\ntitle = \"识破骗局\"\n"
         "debrief = \"\"\"\n你没有垫钱，也没有下载陌生APP。所有刷单都是诈骗。\"\"\"\n"
         "action = \"提醒同学，遇到可疑情况拨打 96110。\"\n\n";
    t += "[[ending]]\nid = \"end-partial\"\nkind = \"partial\"\ntitle = \"及时止损\"\n"
         "debrief = \"\"\"\n你垫了钱，但及时停下并报了警。\"\"\"\n"
         "action = \"保留聊天记录和转账凭证，拨打 96110，联系银行冻结。\"\n\n";
    t += "[[ending]]\nid = \"end-scammed\"\nkind = \"scammed\"\ntitle = \"被骗了\"\n"
         "debrief = \"\"\"\n“解冻费”只是让你越投越多的借口。\"\"\"\n"
         "action = \"立即拨打 110 或 96110 报警，保留聊天记录和转账凭证，联系银行冻结对方账户。\"\n\n"
         "  [[ending.message]]\n  from = \"系统提示\"\n  text = \"你已被移出群聊\"\n";
    return t;
}

} // namespace

PackFiles generate_pack(int scenarios, int nodes) {
    if (nodes < 3) nodes = 3;
    PackFiles files;
    files["pack.toml"] = "id = \"bench-generated\"\ntitle = \"基准测试剧本包\"\nversion = 1\nlanguage = \"zh-CN\"\n"
                         "authors = [\"基准测试\"]\ndescription = \"自动生成，用来测量加载速度。\"\n";
    for (int s = 0; s < scenarios; ++s) {
        char name[32];
        std::snprintf(name, sizeof name, "scenarios/gen-%05d.toml", s);
        files[name] = scenario_file(s, nodes);
    }
    return files;
}

} // namespace ff::bench
