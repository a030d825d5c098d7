#include "train/likeness_trainer.h"

#include <gtest/gtest.h>

namespace isnad {
namespace {

// Transliterated Russian surnames against common words of Arabic news, in the matching form.
const std::vector<std::string> kSurnames = {"ايفانوف", "بتروف", "سميرنوف", "بوبوف", "سوكولوف", "ليبيديف",
                                            "كوزلوف", "نوفيكوف", "موروزوف", "فولكوف", "سولوفيوف", "فاسيليف",
                                            "زايتسيف", "بافلوف", "سيميونوف", "غولوبيف", "فينوغرادوف", "بوغدانوف"};
const std::vector<std::string> kCities = {"بغداد", "دمشق", "القاهره", "الرياض", "بيروت", "عمان", "طرابلس",
                                          "الخرطوم", "صنعاء", "الدوحه", "المنامه", "مسقط", "الكويت", "تونس"};
const std::vector<std::string> kCommon = {
    "قال", "الذي", "التي", "في", "من", "على", "الحكومه", "الوزير", "اعلن", "اليوم", "امس", "وقال", "ان",
    "الى", "عن", "مع", "بعد", "قبل", "خلال", "الرئيس", "المتحده", "الامن", "المجلس", "الدوله", "العام",
    "الاول", "الثاني", "المصادر", "الاطراف", "الاتفاق", "المفاوضات", "الشرطه", "الجيش", "القوات", "الهجوم",
    "الانتخابات", "البرلمان", "الحزب", "المعارضه", "السلطات", "المدينه", "المنطقه", "الحدود", "الاقتصاد",
    "الاسعار", "النفط", "الشركه", "السوق", "التجاره", "المباراه", "الفريق", "اللاعب", "الدوري", "الكاس"};

LikenessTrainOptions Options() {
  LikenessTrainOptions o;
  o.max_n = 3;
  o.min_count = 1;
  return o;
}

TEST(LikenessTrainer, AnUnseenNameScoresAboveAnUnseenWord) {
  NameLikeness m;
  const Status s = LearnNameLikeness({{"PER", kSurnames}, {"PLACE", kCities}}, kCommon, Options(), &m);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(m.kinds(), (std::vector<std::string>{"PER", "PLACE"}));
  float name[2], word[2];
  m.Scores("كوزنتسوف", name);  // Kuznetsov: not in the list
  m.Scores("الحكومات", word);  // governments: not in the common words
  EXPECT_GT(name[0], word[0]);
  EXPECT_GT(name[0], 0.0f);
  EXPECT_LT(word[0], 0.0f);
  int8_t levels[2];
  m.Levels("كوزنتسوف", levels);
  EXPECT_GT(levels[0], 0);
}

TEST(LikenessTrainer, CountsEachDistinctWordOnceAndIsDeterministic) {
  NameLikeness once, many;
  std::vector<std::string> repeated = kCommon;
  for (int i = 0; i < 50; ++i) repeated.push_back("قال");
  ASSERT_TRUE(LearnNameLikeness({{"PER", kSurnames}}, kCommon, Options(), &once).ok());
  ASSERT_TRUE(LearnNameLikeness({{"PER", kSurnames}}, repeated, Options(), &many).ok());
  EXPECT_EQ(once.Serialize(), many.Serialize());
  // min_count drops the n-grams seen once in all.
  LikenessTrainOptions pruned = Options();
  pruned.min_count = 2;
  NameLikeness fewer;
  ASSERT_TRUE(LearnNameLikeness({{"PER", kSurnames}}, kCommon, pruned, &fewer).ok());
  EXPECT_LT(fewer.num_ngrams(), once.num_ngrams());
  EXPECT_GT(fewer.num_ngrams(), 0u);
}

TEST(LikenessTrainer, RejectsAKindOrATextWithoutArabicWords) {
  NameLikeness m;
  EXPECT_FALSE(LearnNameLikeness({{"PER", {"Smith", "Jones"}}}, kCommon, Options(), &m).ok());
  EXPECT_FALSE(LearnNameLikeness({{"PER", kSurnames}}, {}, Options(), &m).ok());
  EXPECT_TRUE(m.empty());
}

}  // namespace
}  // namespace isnad
