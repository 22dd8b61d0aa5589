// libFuzzer harness: figures.json read back (what `ctreport merge` reads).
// Figures it accepts must survive a round trip unchanged (written, read,
// written again: the same text) and give a report view in both languages.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "render/figures_json.hpp"
#include "render/number_format.hpp"
#include "render/report_view.hpp"

using namespace ctreport;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<figures::Figures> f;
  fuzz::expect_ctreport_errors([&] { f = render::figures_from_json(text, "fuzz.json"); });
  if (!f) return 0;
  // What ctreport wrote, it reads back: an error here escapes as a finding.
  std::string written = render::figures_json_text(*f);
  std::string again = render::figures_json_text(render::figures_from_json(written, "written.json"));
  if (again != written) {
    std::fprintf(stderr, "figures.json round trip changed the text:\n%s\n---\n%s\n", written.c_str(), again.c_str());
    std::abort();
  }
  fuzz::expect_ctreport_errors([&] {
    (void)render::report_view(*f, render::NumberFormat::for_lang("fr"));
    (void)render::report_view(*f, render::NumberFormat::for_lang("en"));
  });
  return 0;
}
