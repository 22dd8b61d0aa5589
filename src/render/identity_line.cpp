// Joining the identity's parts with the labels of model/document_texts.
#include "render/identity_line.hpp"

#include <fmt/format.h>

#include "model/document_texts.hpp"

namespace ctreport::render {

std::string identity_line(const figures::Figures& f, model::Lang lang) {
  const auto& e = f.establishment;
  const auto& texts = model::document_texts(lang);
  std::string address;
  for (char c : e.address) address += c == '\n' ? std::string(", ") : std::string(1, c);
  while (address.size() >= 2 && address.compare(address.size() - 2, 2, ", ") == 0) address.resize(address.size() - 2);
  std::string line;
  auto add = [&](const std::string& part) {
    if (!part.empty()) line += (line.empty() ? "" : " · ") + part;
  };
  add(e.organisation);
  add(address);
  auto labelled = [](std::string_view text, const std::string& value) {
    return value.empty() ? std::string() : fmt::format(fmt::runtime(text), value);
  };
  add(labelled(texts.phone, e.phone));
  add(labelled(texts.finess, e.finess));
  add(labelled(texts.signatory, e.signatory));
  return line;
}

}  // namespace ctreport::render
