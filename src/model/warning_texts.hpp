// The texts of every finding code, in English and in French, in one table:
// a finding carries its code and parameters (value, column, params), and its
// message and "expected" are rendered from the templates here, so the check
// output, the terminal and the report's method note say the same thing.
#pragma once
#include <string>
#include <vector>

#include "model/warnings.hpp"

namespace ctreport::model {

enum class Lang : uint8_t { en, fr };

// The message of `w` in `lang`, from its code's template ({value}, {column}
// and each params name are replaced). A code without a template keeps w.message.
std::string warning_text(const Warning& w, Lang lang);

// What kind of finding `code` is, in plain words for a reader of the report
// ("Valeur non classée" for unmapped_value): the workbook's method sheet shows
// it instead of the code. A code without a kind reads as the data's own kind
// ("Données" / "Data").
std::string_view warning_kind(const std::string& code, Lang lang);

// What was expected instead, in English ("" for a code without a template).
std::string expected_text(const Warning& w);

// Fills w.message (English) and w.expected from the templates.
void describe(Warning& w);

// True for codes whose findings are about a value (grouped per value, with a
// row count); false for findings about a row (one finding per row).
bool grouped_by_value(const std::string& code);

// Every code and variant of the table ("invariant" variants as "invariant/sum"),
// with the placeholders its templates use: for tests and docs.
struct WarningTemplateInfo {
  std::string code, kind;
  std::vector<std::string> placeholders;
};
std::vector<WarningTemplateInfo> warning_templates();

}  // namespace ctreport::model
