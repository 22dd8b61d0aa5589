// The establishment's identity on one line, for the workbook's first sheet
// and page headers: "Association … · 12 chemin …, 42600 Montbrison · Tél. … ·
// FINESS 420012345". Empty when the config gives none of it.
#pragma once
#include <string>

#include "figures/figures.hpp"
#include "model/warning_texts.hpp"

namespace ctreport::render {

std::string identity_line(const figures::Figures& f, model::Lang lang);

}  // namespace ctreport::render
