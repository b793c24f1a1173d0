using RetailCrm.Modules.Service.Application.Knowledge;

namespace RetailCrm.Modules.Service.Tests.Knowledge;

public sealed class KnowledgeTokenizerTests
{
    [Fact]
    public void Chinese_is_cut_into_words_that_a_two_character_query_finds()
    {
        var words = KnowledgeTokenizer.Words("顾客申请退款时，请先核对购物小票。");

        words.ShouldContain("退款");
        words.ShouldContain("顾客");
        words.ShouldNotContain("，");
        KnowledgeTokenizer.Words("退款").ShouldBe(["退款"]);
    }

    [Fact]
    public void Latin_words_are_lower_cased_and_not_stemmed()
    {
        var words = KnowledgeTokenizer.Words("Topping up a Card: the CARDS desk handles top-ups.");

        words.ShouldBe(["topping", "up", "a", "card", "the", "cards", "desk", "handles", "top", "ups"]);
    }

    [Fact]
    public void Mixed_text_keeps_both_scripts_and_numbers()
    {
        var words = KnowledgeTokenizer.Words("VIP会员卡充值500元");

        words.ShouldContain("vip");
        words.ShouldContain("会员卡");
        words.ShouldContain("500");
    }

    [Fact]
    public void An_article_is_indexed_by_the_pieces_of_longer_chinese_words_and_of_single_characters()
    {
        var indexed = KnowledgeTokenizer.IndexWords("VIP会员卡充值500元");

        indexed.ShouldContain("会员卡");
        indexed.ShouldContain("会员");
        KnowledgeTokenizer.Words("充值").ShouldAllBe(w => indexed.Contains(w));
        KnowledgeTokenizer.Words("会员").ShouldAllBe(w => indexed.Contains(w));
    }
}
