// The built-in categories and red flags, with names and explanations taken from the police
// advice in the seeds: 三不一多, 6个一律, 10个凡是, 三道防线, 96110 and 国家反诈中心APP.
#include "fraudfree/catalog.h"

namespace ff {
namespace {

Category cat(const char* id, const char* name, const char* description) {
    return Category{id, name, description, SourcePos{"(内置)", 0, 0}};
}

RedFlag flag(const char* id, const char* name, const char* explain) {
    return RedFlag{id, name, explain, SourcePos{"(内置)", 0, 0}};
}

std::vector<Category> make_categories() {
    return {
        cat("rebate", "刷单返利",
            "以“点赞、刷单、做任务”为名招兼职，先返小额佣金取得信任，再用进阶任务、保证金、"
            "解冻费让你越投越多。所有刷单都是诈骗。"),
        cat("romance", "网络交友/敲诈",
            "网上认识的“恋人”先培养感情，再借口急用钱、带你投资，或诱导裸聊录屏后威胁曝光来敲诈。"),
        cat("scholarship", "奖助学金",
            "冒充教育局、学校老师来电或发短信，说要发放奖学金、助学金、补贴，索要银行卡号、"
            "验证码，或要你先交“手续费”。"),
        cat("credit", "虚假征信/校园贷",
            "冒充贷款平台或银行客服，说你的校园贷要注销、不然影响征信，诱导你在多个平台贷款后"
            "转到“指定账户”。"),
        cat("job", "求职",
            "以高薪兼职、内推入职为诱饵，收取中介费、体检费、工服费、培训费后就失联。"),
        cat("investment", "投资理财",
            "“导师”拉你进群荐股、炒黄金、炒虚拟币，承诺稳赚高回报，先让你小赚，"
            "再诱你加大投入，最后无法提现。"),
        cat("customer_service", "冒充电商物流客服",
            "冒充电商或快递客服，以商品问题退款、快递丢失理赔、关闭“会员自动扣费”为由，"
            "诱导你屏幕共享、贷款或转账。"),
        cat("game_trade", "游戏交易",
            "用免费皮肤、低价装备、账号买卖做诱饵，把你引到陌生平台或会议软件，要求屏幕共享，"
            "或扫码交“解冻费”“保证金”。"),
        cat("fake_police", "冒充公检法",
            "冒充公安、检察院、法院，说你涉嫌洗钱等案件，要你保密，并把钱转到所谓“安全账户”"
            "配合调查。"),
    };
}

std::vector<RedFlag> make_red_flags() {
    return {
        flag("pay_first", "先交钱（手续费/保证金/解冻费）",
             "凡是通知中奖、领取补贴、提现或“解冻”要你先交钱的，都是骗子。正规单位和平台不会"
             "让你先付手续费、保证金、解冻费才把钱给你。"),
        flag("too_good", "好得不真实",
             "“日结几百”“稳赚不赔”“高额回报”是骗子最常用的诱饵。凡是投资并承诺高回报的，"
             "都是骗子；所有刷单、“做任务返利”都是诈骗。"),
        flag("verification_code", "索要验证码",
             "验证码就是你账户的钥匙。凡是索要各类验证码信息的，都是骗子——银行、学校、"
             "客服都不会找你要验证码。"),
        flag("personal_info", "索要身份证/银行卡/密码",
             "“三不一多”：个人信息不透露。凡是在电话中索要银行卡信息的，都是骗子；不要在非正规"
             "平台填写身份证号、银行卡号和密码。"),
        flag("fake_authority", "冒充权威身份",
             "骗子常冒充公检法、教育局、老师、银行或平台客服。只要一谈到公检法、税务或领导"
             "要求汇款的，一律挂掉，再用官方公布的电话自己核实。"),
        flag("urgency", "催促或威胁",
             "“今天不办就取消”“马上冻结”“不照做就曝光”，都是为了不让你冷静思考。先暂停操作，"
             "冷静10分钟，再找辅导员、驻校民警或拨打96110核实。"),
        flag("off_platform", "引你离开正规平台（下载APP/进会议/加其他账号）",
             "让你下载陌生APP、进会议软件、加另一个QQ或微信，是为了甩开平台的保护和监管。"
             "陌生人发来的链接和APP一律不点、不装。"),
        flag("screen_share", "要求屏幕共享",
             "屏幕共享会让对方看到你的验证码、密码和银行卡信息。真正的客服和警察从来不会"
             "要求你屏幕共享。"),
        flag("safe_account", "所谓“安全账户”",
             "只要一提到“安全账户”的，一律是诈骗。公检法机关不会在电话里办案，更不会让你"
             "把钱转到任何账户。"),
        flag("unknown_link", "陌生链接或二维码",
             "只要短信让点击链接的，一律删除；不认识的人发来的链接、二维码一律不点、不扫。"
             "凡是陌生网站（链接）要登记银行卡信息的，都是骗子。"),
        flag("secrecy", "要你保密",
             "“不要告诉家人和老师”“案件需要保密”，是为了切断你求助的路。越是让你保密，"
             "越要马上告诉辅导员、家人，或拨打96110。"),
        flag("emotional_pressure", "情感施压",
             "骗子会利用感情、同情、羞耻或恐惧逼你就范。面对情感裹挟先“暂停”，再求助；"
             "被威胁曝光隐私时不要转账，保留聊天记录并立即报警。"),
        flag("escalating_tasks", "任务不断升级",
             "先给小甜头，再让任务越来越大、要垫的钱越来越多，是刷单和投资诈骗的典型套路。"
             "一旦要你“追加”“连单”“做进阶任务”，马上停手。"),
        flag("unasked_refund", "你没申请的退款/理赔",
             "凡是购物无故退税退款的，都是骗子。没申请过的退款、理赔、“关闭会员扣费”，"
             "请自己打开购物平台的官方APP查询，不要跟着来电操作。"),
    };
}

} // namespace

const std::vector<Category>& builtin_categories() {
    static const std::vector<Category> categories = make_categories();
    return categories;
}

const std::vector<RedFlag>& builtin_red_flags() {
    static const std::vector<RedFlag> flags = make_red_flags();
    return flags;
}

} // namespace ff
