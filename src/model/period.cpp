// Construction of reporting periods.
#include "model/period.hpp"

#include <fmt/format.h>

namespace ctreport::model {

Period make_period(int year, unsigned start_month) {
  Period p;
  p.year = year;
  p.start = util::to_day(year, start_month, 1);
  p.end = util::add_months(p.start, 12) - 1;
  p.label = start_month == 1 ? fmt::format("{}", year) : fmt::format("{}-{}", year, year + 1);
  return p;
}

}  // namespace ctreport::model
