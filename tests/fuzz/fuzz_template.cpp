// libFuzzer harness: report templates. The tag scanner, the check of every
// tag against the report view's schema, and, for a template that passes,
// its rendering with the schema view (Markdown, LaTeX or no escaping).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "model/config.hpp"
#include "render/report_view.hpp"
#include "render/template_engine.hpp"
#include "render/template_tags.hpp"

using namespace ctreport;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kainjow::mustache::data schema = render::report_view_schema(model::default_config(), true);
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)render::scan_template_tags(text);
  fuzz::expect_ctreport_errors([&] {
    render::check_template(text, "fuzz.md", schema);
    auto escaping = size % 3 == 0   ? render::Escaping::latex
                    : size % 3 == 1 ? render::Escaping::markdown
                                    : render::Escaping::none;
    // check_template has rendered it without escaping already.
    if (escaping != render::Escaping::none) fuzz::touch(render::render_template(text, "fuzz.md", schema, escaping));
  });
  return 0;
}
