// Text helpers: UTF-8 validation, Windows-1252 to UTF-8, and the normalised
// key used to match headers and category values (case-, accent-, space- and
// punctuation-insensitive).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ctreport::util {

bool is_ascii(std::string_view s);
bool is_valid_utf8(std::string_view s);
// The line (1-based) holding the first byte that is not valid UTF-8; 0 when
// the whole text is valid.
size_t first_invalid_utf8_line(std::string_view s);

// Appends the UTF-8 form of Windows-1252 bytes `s` to `out`.
void append_cp1252_as_utf8(std::string_view s, std::string& out);

// "Date d'entrée" -> "datedentree", "N° dossier" -> "ndossier", "Œuvre" -> "oeuvre".
// Input is UTF-8; letters are lower-cased and stripped of accents, every
// character that is not a letter or a digit is dropped.
std::string normalize_key(std::string_view utf8);
void normalize_key(std::string_view utf8, std::string& out);  // out is replaced

// The words of a value, normalised as normalize_key does each one, separated
// by one space: "Code postal / Département" -> "code postal departement",
// "Date d'entrée" -> "date d entree". Every character that is not a letter or
// a digit separates words. `out` is replaced.
void normalize_words(std::string_view utf8, std::string& out);
std::string normalize_words(std::string_view utf8);

// Appends the UTF-8 bytes of code point `cp`.
void append_utf8(uint32_t cp, std::string& out);

// A file-name-safe form: "Le Moulin (Saint-Étienne)" -> "le-moulin-saint-etienne".
std::string slug(std::string_view utf8);

// A value as messages quote it: 'value', or when longer than `max_chars`
// characters its first ones, cut at a character boundary, and its length:
// 'aaaa…' (300000 characters). Keeps messages one screen long whatever the cell held.
std::string quote_value(std::string_view utf8, size_t max_chars = 60);

// `utf8` cut to `max_chars` characters, with "… (N characters)" when cut: a
// value as findings and messages carry it.
std::string shorten(std::string_view utf8, size_t max_chars = 60);

// Number of UTF-8 characters (code points) in `s`; invalid bytes count one each.
size_t utf8_length(std::string_view s);

// Trims ASCII spaces, tabs, CR/LF and UTF-8 non-breaking spaces at both ends.
std::string_view trim(std::string_view s);

}  // namespace ctreport::util
