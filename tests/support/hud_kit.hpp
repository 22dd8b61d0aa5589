// Test helper: the HUD Data Lab FY2021 transitional-housing test kit (public
// HMIS CSV data with the expected Annual Performance Report tables, kept in
// ../shared/testkits/hud/ next to the project) turned into a stay table that
// ctreport reads: one row per enrollment, with its entry and exit dates, its
// exit destination code and the client's birth date.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace ctreport::test {

// The kit's HMIS source folder (datalab_hmis/th/source): $CTREPORT_HUD_KIT if
// set, else ../shared/testkits/hud/datalab-fy2021/... beside the source tree.
std::optional<std::filesystem::path> hud_th_source();

// The stays of the kit as a ';' CSV with the headers "N° dossier", "Date
// d'entrée", "Date de sortie", "Destination" (the HUD Destination code, e.g.
// "16"), "Date de naissance" (empty when DOBDataQuality is 8 or 9, client doesn't
// know or refused: HUD counts those ages unknown, and ages the others that
// have a date). Every enrollment of Enrollment.csv is a stay;
// its exit is the Exit.csv row with its EnrollmentID.
std::string hud_stays_csv(const std::filesystem::path& source);

}  // namespace ctreport::test
