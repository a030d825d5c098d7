// TimeGrammar: rule-based TIME expressions (shared/spec/annotation.md §1, conventions.md "TIME"),
// driven by the words of lexicons/time.tsv (time_lexicon.h).
//
// Constructions (examples in Arabic; every word comes from the lexicon):
//   weekdays          الأحد · يوم الأحد · الأحد المقبل/الماضي · الأحد مساءً
//   dates             26 فبراير 2021 · الجمعة 26 فبراير/شباط 2021 · 1 كانون الثاني 2020 · شباط (فبراير) ·
//                     يوم الجمعة الموافق 26 فبراير · الأول من مارس · 26 أكتوبر الماضي · 4 فبراير الجاري
//   months            آذار · شهر رمضان · فبراير 2021 · مارس من عام 2020 · فبراير الماضي; ambiguous names
//                     (مارس، رجب، آب) only with a day, a year, a modifier, شهر or a second name
//   Hijri             13 رجب 1442 هـ · محرم 1443 · 1442هـ
//   numeric dates     2021/02/26 · 26-2-2021 · 26.2.2021
//   years             عام 2015 · العام 2015 · سنة 2015 · 2015م; a bare number only after a month
//   parts of the day  فجر الأربعاء · مساء أمس · صباح اليوم · ليلة الخميس · هذا الصباح
//   relative days     أمس · أول أمس · أمس الأول · اليوم · غداً · بعد غد · الليلة · أمس الأربعاء ·
//                     اليوم التالي · اليوم نفسه · ذات اليوم
//   relative units    الشهر الماضي · الأسبوع المقبل · العام الجاري · هذا العام · السنة القادمة ·
//                     الأيام الماضية · اليومين الماضيين · الأشهر الثلاثة الماضية · الأيام القليلة الماضية
//   durations         يومين · الأسبوعين · خمس سنوات · 48 ساعة · أقل من 48 ساعة · ثلاثة أشهر · عدة أيام ·
//                     خمسة وعشرين عاماً · يوم واحد; after منذ/خلال/بعد (outside the span) also أسبوع, سنوات
//   ago               قبل ثلاثة أيام · قبل نحو أسبوعين · قبل أسبوع (قبل inside the span)
//   clock times       الساعة 10:30 · الساعة 10 مساءً · الجمعة الساعة 8 صباحاً
//   periods           مطلع العام الجاري · أواخر 2020 · منتصف فبراير (the value is the whole period's)
// Not TIME: a bare number (قتل 22 شخصاً), a bare unit (يوم، العام), the not_time phrases of the lexicon
// (مؤخراً، حتى الآن، في الوقت الراهن، على الفور، اليوم العالمي …).
//
// An expression that ends a short quotation after one to three other words is part of a quoted
// name, not TIME (a channel “... اليوم”).
// Spans leave out attached proclitics (وأمس → أمس, للأسبوع → لأسبوع per the لل convention) and the
// prepositions منذ، خلال، بعد، في; they never cross a sentence boundary.
//
// Values (Entity::value). ISO 8601 when resolvable against Document::document_date, else a
// structured form anchored on the document date (DOC) or on a date the text refers to (REF):
//   date, month, year        2021-02-26 · 2021-02 · 2021 · XXXX-02-26 (no year, no document date)
//   ISO week                 2021-W07
//   day from DOC             DOC (the document date) · DOC-P1D (the day before) · DOC+P2D
//   calendar unit from DOC   DOC-P1W · DOC-P1M · DOC+P0Y: the week / month / year n units away
//                            (الأسبوع الماضي، الشهر الماضي، العام الجاري) → 2021-W07 · 2021-01 · 2021
//   day of such a month      DOC-P1M-01 (الأول من الشهر الماضي) → 2021-01-01
//   weekday                  DOC-WED: the latest Wednesday on or before the document date (before it
//                            with الماضي); DOC+WED: the first one after it (المقبل، القادم) → 2021-02-24
//   ago                      DOC-P3D (قبل ثلاثة أيام), resolved at the unit's granularity: days → date,
//                            weeks → ISO week, months → YYYY-MM, years → YYYY; DOC-PXD (قبل أيام),
//                            DOC-PT3H (hours and minutes) stay relative
//   duration                 P2D · P5Y · P3M · P2W · PT48H · PT30M · PXD (an unspecified count: عدة أيام)
//   interval up to / from DOC  P2D/DOC (اليومين الماضيين) · DOC/P3M (الأشهر الثلاثة المقبلة);
//                            resolved: P2D/2021-02-26
//   from a narrative date    REF (اليوم نفسه) · REF+P1D (اليوم التالي) · REF-P2D (قبل يومين من الهجوم) ·
//                            P2D/REF (الأيام السابقة): never resolved
//   part of the day          a day value + T + DN (dawn, فجر) MO (morning) MI (midday) AF (afternoon)
//                            EV (evening) NI (night): 2021-02-24TDN · DOC-P1DTEV · DOC-WEDTMO · DOCTNI
//   clock time               T10:30 alone, or a day value + T10:30: 2021-02-26T20:00 (مساءً adds 12)
//   Hijri (not converted)    HIJRI:1442-07-13 · HIJRI:1442-07 · HIJRI:1442 · HIJRI:XXXX-09
// A date without a year resolves to its nearest occurrence around the document date (الماضي: the
// latest before it, المقبل: the first after, الجاري: its year). Approximators and bounds (نحو،
// أقل من) are inside the span and do not change the value; so are periods (مطلع، أواخر).
#pragma once

#include <string_view>
#include <vector>

#include "isnad/document.h"
#include "isnad/ner/time_lexicon.h"
#include "isnad/status.h"
#include "isnad/text/clitics.h"

namespace isnad {

class TimeGrammar {
 public:
  // `tsv` is lexicons/time.tsv (the model section "lexicon/time").
  static Status Parse(std::string_view tsv, TimeGrammar* out);

  // Appends the TIME expressions of doc.tokens (matched on Token::norm) to *out in text order,
  // non-overlapping, each with type "TIME", span, first_token/last_token and value. Needs
  // doc.tokens with norm and norm_span, and doc.normalized; reads doc.document_date.
  void Find(const Document& doc, const CliticRules& clitics, std::vector<Entity>* out) const;

  int version() const { return lexicon_.version(); }

 private:
  TimeLexicon lexicon_;
};

}  // namespace isnad
