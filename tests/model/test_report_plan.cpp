// The periods a report run computes, and what each year is compared with.
#include <doctest/doctest.h>

#include "model/report_plan.hpp"

using namespace ctreport;

TEST_SUITE("model::report_plan") {

TEST_CASE("each year is compared with the year before, computed once") {
  auto plan = model::plan_report({2022, 2023, 2024}, {}, 1, true);
  CHECK(plan.years == std::vector<int>{2022, 2023, 2024});
  CHECK(plan.needed == std::vector<int>{2021, 2022, 2023, 2024});
  CHECK(plan.compared.at(2022) == std::vector<int>{2021});
  CHECK(plan.compared.at(2024) == std::vector<int>{2023});
  CHECK_FALSE(plan.explicit_compare);
  REQUIRE(plan.periods.size() == 4);
  CHECK(plan.period_of(2021).label == "2021");
  CHECK(plan.is_reported(2023));
  CHECK_FALSE(plan.is_reported(2021));
}

TEST_CASE("--compare names the years, never the year itself") {
  auto plan = model::plan_report({2023, 2024}, {2020, 2024}, 1, true);
  CHECK(plan.compared.at(2023) == std::vector<int>{2020, 2024});
  CHECK(plan.compared.at(2024) == std::vector<int>{2020});
  CHECK(plan.needed == std::vector<int>{2020, 2023, 2024});
  CHECK(plan.explicit_compare);
}

TEST_CASE("without a format that shows comparisons only the reported years are computed") {
  auto plan = model::plan_report({2024}, {2020}, 1, false);
  CHECK(plan.needed == std::vector<int>{2024});
  CHECK(plan.compared.at(2024).empty());
}

TEST_CASE("fiscal years: periods start in the configured month") {
  auto plan = model::plan_report({2024}, {}, 7, true);
  CHECK(plan.period_of(2024).label == "2024-2025");
  CHECK(plan.period_of(2023).label == "2023-2024");
}

}
