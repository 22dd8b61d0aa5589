-- ctreport's pandoc filter for --format docx and odt (run by render/pandoc_document).
-- The report's Markdown marks two things pandoc's Markdown has no syntax for:
--   ::: page-break      a page break (Word: a break run; LibreOffice: a paragraph
--   :::                 of the reference document's "Page Break" style)
--   ::: toc             the table of contents, where it stands (not at the top,
--   :::                 as pandoc's --toc would put it): a real Word TOC field,
--                       refreshed when Word opens the file, or a LibreOffice index
--                       whose page numbers LibreOffice computes
-- and, when the document's `lang` is French, sets French typography: a no-break
-- space before : and inside « », a narrow one before ; ! ?
-- Nothing is fetched: images must be the local files ctreport wrote. The
-- filter runs while pandoc turns the Markdown into its JSON document (a first
-- pass that reads no image), with the target format in the metadata field
-- `ctreport-format` (docx or odt); the second pass writes the document.

local function xml(text)
  return (text:gsub('&', '&amp;'):gsub('<', '&lt;'):gsub('>', '&gt;'):gsub('"', '&quot;'))
end

local target = 'docx'

local function page_break()
  if target == 'docx' then
    return pandoc.RawBlock('openxml', '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
  end
  return pandoc.RawBlock('opendocument', '<text:p text:style-name="Page_20_Break"/>')
end

-- The headings of levels 1 and 2, with their identifiers (pandoc's bookmarks).
local function headings(blocks)
  local out = {}
  for _, b in ipairs(blocks) do
    if b.t == 'Header' and b.level <= 2 and b.identifier ~= '' then
      table.insert(out, {level = b.level, id = b.identifier, text = pandoc.utils.stringify(b.content)})
    end
  end
  return out
end

-- A Word TOC field (levels 1-2), marked dirty so that Word fills it in with page
-- numbers when it opens the file; until then it lists the headings.
local function docx_toc(title, entries)
  local x = {'<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>',
             '</w:docPartObj></w:sdtPr><w:sdtContent>',
             '<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t xml:space="preserve">', xml(title), '</w:t></w:r></w:p>'}
  local field = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>' ..
                '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>' ..
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
  if #entries == 0 then
    table.insert(x, '<w:p>' .. field .. '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
  end
  for i, e in ipairs(entries) do
    table.insert(x, '<w:p><w:pPr><w:pStyle w:val="TOC' .. e.level .. '"/></w:pPr>')
    if i == 1 then table.insert(x, field) end
    table.insert(x, '<w:hyperlink w:anchor="' .. xml(e.id) .. '" w:history="1"><w:r><w:t xml:space="preserve">' ..
                    xml(e.text) .. '</w:t></w:r></w:hyperlink>')
    if i == #entries then table.insert(x, '<w:r><w:fldChar w:fldCharType="end"/></w:r>') end
    table.insert(x, '</w:p>')
  end
  table.insert(x, '</w:sdtContent></w:sdt>')
  return pandoc.RawBlock('openxml', table.concat(x))
end

-- A LibreOffice table of contents (levels 1-2): its entries link to the headings'
-- bookmarks, their page numbers are fields LibreOffice computes as it lays out.
local function odt_toc(title, entries)
  local x = {'<text:table-of-content text:protected="true" text:name="ctreport-toc">',
             '<text:table-of-content-source text:outline-level="2">',
             '<text:index-title-template text:style-name="Contents_20_Heading">', xml(title), '</text:index-title-template>'}
  for level = 1, 2 do
    table.insert(x, '<text:table-of-content-entry-template text:outline-level="' .. level ..
                    '" text:style-name="Contents_20_' .. level .. '"><text:index-entry-link-start/>' ..
                    '<text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/>' ..
                    '<text:index-entry-page-number/><text:index-entry-link-end/></text:table-of-content-entry-template>')
  end
  table.insert(x, '</text:table-of-content-source><text:index-body>')
  table.insert(x, '<text:index-title text:name="ctreport-toc-title"><text:p text:style-name="Contents_20_Heading">' ..
                  xml(title) .. '</text:p></text:index-title>')
  for _, e in ipairs(entries) do
    table.insert(x, '<text:p text:style-name="Contents_20_' .. e.level .. '"><text:a xlink:type="simple" xlink:href="#' ..
                    xml(e.id) .. '">' .. xml(e.text) .. '<text:tab/><text:bookmark-ref text:reference-format="page" ' ..
                    'text:ref-name="' .. xml(e.id) .. '">1</text:bookmark-ref></text:a></text:p>')
  end
  table.insert(x, '</text:index-body></text:table-of-content>')
  return pandoc.RawBlock('opendocument', table.concat(x))
end

-- French typography: the space before : ; ! ? and », and after «, becomes a
-- no-break one (narrow before ; ! ?), so that no line starts with them.
local narrow, nbsp = '\u{202F}', '\u{A0}'
local function french_spaces(inlines)
  local out = pandoc.List()
  for i, el in ipairs(inlines) do
    local before, after = inlines[i - 1], inlines[i + 1]
    if el.t == 'Space' and after and after.t == 'Str' and after.text:match('^[;!?]') then
      out:insert(pandoc.Str(narrow))
    elseif el.t == 'Space' and after and after.t == 'Str' and (after.text:match('^:') or after.text:match('^»')) then
      out:insert(pandoc.Str(nbsp))
    elseif el.t == 'Space' and before and before.t == 'Str' and before.text:match('«$') then
      out:insert(pandoc.Str(nbsp))
    else
      out:insert(el)
    end
  end
  return out
end

local function is_french(meta)
  return meta.lang and pandoc.utils.stringify(meta.lang):match('^fr') ~= nil
end

-- Only the files ctreport puts beside the report (its charts, the logo) are
-- embedded: an image with a URL or a path to another folder stops pandoc, so
-- that nothing is fetched from the network or read from elsewhere.
local function local_image(el)
  local src = el.src
  if src:match('^%a[%w+.-]*:') or src:match('^/') or src:match('^\\') or src:match('%.%.') then
    error('image "' .. src .. '" is not one of the charts or the logo ctreport writes beside the report ' ..
          '(no URL, no other folder)')
  end
end

local function report(doc)
  target = doc.meta['ctreport-format'] and pandoc.utils.stringify(doc.meta['ctreport-format']) or FORMAT
  if is_french(doc.meta) then doc = doc:walk({Inlines = french_spaces}) end
  local title = doc.meta['toc-title'] and pandoc.utils.stringify(doc.meta['toc-title']) or 'Contents'
  local entries = headings(doc.blocks)
  local blocks = pandoc.List()
  for _, b in ipairs(doc.blocks) do
    if b.t == 'Div' and b.classes:includes('page-break') then
      blocks:insert(page_break())
    elseif b.t == 'Div' and b.classes:includes('toc') then
      blocks:insert(target == 'docx' and docx_toc(title, entries) or odt_toc(title, entries))
    else
      blocks:insert(b)
    end
  end
  -- LibreOffice: the first page takes the reference document's "Cover Page"
  -- paragraph style, whose page style has no header and no footer.
  if target == 'odt' then blocks:insert(1, pandoc.RawBlock('opendocument', '<text:p text:style-name="Cover_20_Page"/>')) end
  doc.blocks = blocks
  return doc
end

return {{Image = local_image}, {Pandoc = report}}
