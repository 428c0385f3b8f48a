// Chinese messages of varied length (short replies to three-line paragraphs), some with
// links and numbers, so line breaking and the glyph cache do realistic work.
#include "long_chat_pack.h"

#include <fstream>
#include <stdexcept>
#include <string>

namespace ff::bench {
namespace {

const char* const kLines[] = {
    "在吗？",
    "同学你好，我是学校勤工俭学中心的老师，最近有个线上兼职，时间自由，一单10-50元。",
    "只要给商品点赞、截图发给我就行，做完马上返佣金，日结200-500元不是问题。",
    "好的[微笑]",
    "先下载这个APP注册一下：http://t.cn/A6abcdEF 注册时填我的邀请码 8866，任务都在里面。",
    "你刚才那单做得很好！系统显示你已经是一星会员了，可以接进阶任务，佣金翻倍。",
    "进阶任务需要先垫付98元，完成后连本带利返你128元，很多同学都在做，放心。",
    "（对方发来一张转账截图）",
    "别担心，我们是正规公司，有营业执照的。你看群里的同学都已经提现好几次了。",
    "这单是连单任务，要做满三单才能一起提现，不然系统会冻结你的账户，前面的钱也退不了。",
};

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\\\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

void write_long_chat_pack(const std::filesystem::path& dir, int nodes, int per_node) {
    std::filesystem::create_directories(dir / "scenarios");
    std::ofstream pack(dir / "pack.toml");
    pack << "id = \"" << kLongChatPack << "\"\ntitle = \"基准测试：长对话\"\nversion = 1\nlanguage = \"zh-CN\"\n"
         << "authors = [\"bench\"]\ndescription = \"一个很长的聊天，用来测量绘制速度。\"\n";
    std::ofstream sc(dir / "scenarios" / "long-chat.toml");
    sc << "id = \"" << kLongChatScenario << "\"\ntitle = \"很长的兼职群聊\"\nsummary = \"五百条消息的聊天。\"\n"
       << "category = \"rebate\"\ndifficulty = 1\nchannel = \"chat\"\nstart = \"n0\"\n\n"
       << "[contact]\nname = \"兼职日结群（326人）\"\navatar = \"group\"\nnumber = \"\"\nplatform = \"QQ群\"\n\n";
    int line = 0;
    for (int n = 0; n < nodes; ++n) {
        sc << "[[node]]\nid = \"n" << n << "\"\n";
        for (int m = 0; m < per_node; ++m) {
            sc << "  [[node.message]]\n  delay = 0.5\n  text = " << quoted(kLines[line % 10]) << "\n";
            if (line % 10 == 2) sc << "  flags = [\"too_good\"]\n";
            ++line;
        }
        const std::string next = n + 1 < nodes ? "n" + std::to_string(n + 1) : "end-scammed";
        sc << "  [[node.choice]]\n  text = \"好的，然后呢？\"\n  next = \"" << next << "\"\n"
           << "  [[node.choice]]\n  text = \"日结几百、先垫付，这是刷单诈骗。我不做了，并向保卫处报告。\"\n"
           << "  next = \"end-safe\"\n  catches = [\"too_good\"]\n  reports = true\n\n";
    }
    sc << "[[ending]]\nid = \"end-safe\"\nkind = \"safe\"\ntitle = \"及时识破\"\n"
       << "debrief = \"刷单返利就是诈骗。\"\naction = \"保存聊天记录，拨打96110。\"\n\n"
       << "[[ending]]\nid = \"end-scammed\"\nkind = \"scammed\"\ntitle = \"被骗\"\n"
       << "debrief = \"一步步被引导垫付。\"\naction = \"立即停止转账，报警并联系银行冻结。\"\n";
    if (!pack || !sc) throw std::runtime_error("cannot write the bench pack into " + dir.string());
}

std::vector<int> long_chat_path(int nodes) { return std::vector<int>(static_cast<size_t>(nodes - 1), 1); }

} // namespace ff::bench
