import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelErrorCode } from '../../shared/model/errors.js';
import { MAX_PASTE_CELLS, parseClipboard, parseHtmlTable, parseTsv, toTsv } from '../../shared/model/paste.js';

const modelError = (code: ModelErrorCode) => expect.objectContaining({ name: 'ModelError', code });

/** The 3×2 block of the e2e test, as Excel writes it. */
const EXCEL_3X2_TEXT = '12,60\t12,10\r\n11,90\t11,50\r\n11,20\t10,90\r\n';
const BLOCK_3X2 = [
  ['12,60', '12,10'],
  ['11,90', '11,50'],
  ['11,20', '10,90'],
];

/** The same block as Excel 365 (Windows, id-ID) puts it on the clipboard as text/html. */
const EXCEL_3X2_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<link id=Main-File rel=Main-File
href="file:///C:/Users/bappeda/AppData/Local/Temp/msohtmlclip1/01/clip.htm">
<link rel=File-List
href="file:///C:/Users/bappeda/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<style>
<!--table
	{mso-displayed-decimal-separator:"\\,";
	mso-displayed-thousand-separator:"\\.";}
@page
	{margin:.75in .7in .75in .7in;
	mso-header-margin:.3in;
	mso-footer-margin:.3in;}
tr
	{mso-height-source:auto;}
col
	{mso-width-source:auto;}
td
	{padding-top:1px;
	padding-right:1px;
	color:black;
	font-size:11.0pt;
	font-family:Calibri, sans-serif;
	mso-number-format:General;
	white-space:nowrap;}
.xl65
	{mso-number-format:"0\\,00";}
-->
</style>
</head>

<body link="#0563C1" vlink="#954F72">

<table border=0 cellpadding=0 cellspacing=0 width=128 style='border-collapse:
 collapse;width:96pt'>
<!--StartFragment-->
 <col width=64 span=2 style='width:48pt'>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl65 align=right width=64 style='height:15.0pt;
  width:48pt'>12,60</td>
  <td class=xl65 align=right width=64 style='width:48pt'>12,10</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl65 align=right style='height:15.0pt'>11,90</td>
  <td class=xl65 align=right>11,50</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl65 align=right style='height:15.0pt'>11,20</td>
  <td class=xl65 align=right>10,90</td>
 </tr>
<!--EndFragment-->
</table>

</body>

</html>
`;

describe('parseTsv', () => {
  it('reads Excel’s CRLF block without a phantom row from the trailing newline', () => {
    expect(parseTsv(EXCEL_3X2_TEXT)).toEqual(BLOCK_3X2);
  });

  it('reads LibreOffice Calc’s LF block, with or without the final newline', () => {
    expect(parseTsv('12,60\t12,10\n11,90\t11,50\n11,20\t10,90\n')).toEqual(BLOCK_3X2);
    expect(parseTsv('12,60\t12,10\n11,90\t11,50\n11,20\t10,90')).toEqual(BLOCK_3X2);
    // old Mac line ends
    expect(parseTsv('12,60\t12,10\r11,90\t11,50\r11,20\t10,90\r')).toEqual(BLOCK_3X2);
  });

  it('reads quoted cells holding a tab, a line break and escaped quotes', () => {
    // Excel quotes a cell with Alt+Enter line breaks (LF inside) or a tab, doubling inner quotes.
    const text = '"Persentase\tpenduduk"\t12,32\r\n"baris 1\nbaris 2"\t"kata ""ilustrasi"""\r\n';
    expect(parseTsv(text)).toEqual([
      ['Persentase\tpenduduk', '12,32'],
      ['baris 1\nbaris 2', 'kata "ilustrasi"'],
    ]);
    // a quoted cell may also hold CRLF, and may be empty
    expect(parseTsv('"a\r\nb"\t""\r\n')).toEqual([['a\r\nb', '']]);
  });

  it('takes malformed quotes literally', () => {
    // no closing quote; text after the closing quote; a quote inside an unquoted cell
    expect(parseTsv('"12,60\t5" pipa\r\n')).toEqual([['"12,60', '5" pipa']]);
    expect(parseTsv('"ab"c\tx\r\n')).toEqual([['"ab"c', 'x']]);
  });

  it('pads ragged rows with empty cells', () => {
    expect(parseTsv('1\t2\t3\r\n4\r\n5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '', ''],
      ['5', '6', ''],
    ]);
  });

  it('keeps empty cells and empty rows inside the block', () => {
    expect(parseTsv('a\t\tc\r\n')).toEqual([['a', '', 'c']]);
    expect(parseTsv('a\t')).toEqual([['a', '']]);
    expect(parseTsv('\t\r\n')).toEqual([['', '']]);
    expect(parseTsv('1\r\n\r\n2\r\n')).toEqual([['1'], [''], ['2']]);
    // one copied empty cell
    expect(parseTsv('\r\n')).toEqual([['']]);
  });

  it('reads a single cell and an empty string', () => {
    expect(parseTsv('12,60')).toEqual([['12,60']]);
    expect(parseTsv('12,60\r\n')).toEqual([['12,60']]);
    expect(parseTsv('79.270\n')).toEqual([['79.270']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('keeps cell text raw (spaces, signs) and drops a BOM', () => {
    expect(parseTsv('\ufeff 12,60 \t-1,00\r\n')).toEqual([[' 12,60 ', '-1,00']]);
  });

  it(`refuses more than ${MAX_PASTE_CELLS} cells, counting the padded rectangle`, () => {
    const row = Array.from({ length: 100 }, () => '1').join('\t');
    expect(parseTsv(`${row}\r\n`.repeat(1000))).toHaveLength(1000); // exactly 100,000
    expect(() => parseTsv(`${row}\r\n`.repeat(1001))).toThrow(modelError('too_many_cells'));
    expect(() => parseTsv('1\t'.repeat(MAX_PASTE_CELLS))).toThrow(modelError('too_many_cells'));
    // 2 rows padded to 60,000 columns = 120,000 cells
    expect(() => parseTsv(`${'1\t'.repeat(59_999)}1\r\n1\r\n`)).toThrow(modelError('too_many_cells'));
    expect(() => parseTsv('\n'.repeat(MAX_PASTE_CELLS + 1))).toThrow(modelError('too_many_cells'));
  });
});

describe('toTsv', () => {
  it('writes tabs and CRLF like Excel, quoting what needs it', () => {
    expect(toTsv(BLOCK_3X2)).toBe(EXCEL_3X2_TEXT);
    expect(toTsv([['a\tb', 'x"y', 'baris 1\nbaris 2', '']])).toBe('"a\tb"\t"x""y"\t"baris 1\nbaris 2"\t\r\n');
    expect(toTsv([])).toBe('');
  });

  it('round-trips through parseTsv', () => {
    const blocks = [
      BLOCK_3X2,
      [['a\tb', '"', '""', 'line\r\nbreak', '\n', '']],
      [[''], ['']],
      [['"quoted"', 'tail"', ' spaced ']],
    ];
    for (const rows of blocks) expect(parseTsv(toTsv(rows))).toEqual(rows);
  });

  it('round-trips any rectangular block (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('1', ',', '.', ' ', 'a', '\t', '\r', '\n', '"'), maxLength: 6 });
    const block = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
    fc.assert(
      fc.property(block, (rows) => {
        expect(parseTsv(toTsv(rows))).toEqual(rows);
      }),
    );
  });
});

describe('parseHtmlTable', () => {
  it('reads Excel’s HTML clipboard (style, col, comments, attributes)', () => {
    expect(parseHtmlTable(EXCEL_3X2_HTML)).toEqual(BLOCK_3X2);
  });

  it('reads the Windows CF_HTML form with its header', () => {
    const cf = `Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000001234\r\nStartFragment:0000000400\r\nEndFragment:0000001200\r\n${EXCEL_3X2_HTML}`;
    expect(parseHtmlTable(cf)).toEqual(BLOCK_3X2);
  });

  it('reads LibreOffice Calc’s HTML (font inside cells, colgroup, sdval)', () => {
    const html = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html>
<head>
	<meta http-equiv="content-type" content="text/html; charset=utf-8"/>
	<title></title>
	<meta name="generator" content="LibreOffice 7.6.4.1 (Linux)"/>
	<style type="text/css">
		body,div,table,thead,tbody,tfoot,tr,th,td,p { font-family:"Liberation Sans"; font-size:x-small }
		a.comment-indicator:hover + comment { background:#ffd; position:absolute; display:block; border:1px solid black; padding:0.5em;  }
	</style>
</head>
<body>
<table cellspacing="0" border="0">
	<colgroup span="2" width="85"></colgroup>
	<tr>
		<td height="17" align="right" sdval="12.6" sdnum="1057;0;0,00"><font face="DejaVu Sans">12,60</font></td>
		<td align="right" sdval="12.1" sdnum="1057;0;0,00"><font face="DejaVu Sans">12,10</font></td>
	</tr>
	<tr>
		<td height="17" align="right" sdval="11.9" sdnum="1057;0;0,00"><font face="DejaVu Sans">11,90</font></td>
		<td align="right" sdval="11.5" sdnum="1057;0;0,00"><font face="DejaVu Sans">11,50</font></td>
	</tr>
	<tr>
		<td height="17" align="right" sdval="11.2" sdnum="1057;0;0,00"><font face="DejaVu Sans">11,20</font></td>
		<td align="right" sdval="10.9" sdnum="1057;0;0,00"><font face="DejaVu Sans">10,90</font></td>
	</tr>
</table>
</body>
</html>`;
    expect(parseHtmlTable(html)).toEqual(BLOCK_3X2);
  });

  it('decodes entities, keeps <br> as a line break and reads &nbsp; alone as empty', () => {
    const html = `<table>
 <tr><th class=xl66>Indikator</th><th>2021</th><th>Catatan</th></tr>
 <tr>
  <td class=xl67 width=200 style='width:150pt'>Persentase penduduk<br style='mso-data-placement:same-cell'>miskin (%)</td>
  <td class=xl65 align=right x:num="12.6">12,60</td>
  <td>P1&nbsp;&amp;&nbsp;P2 &lt;10 &#8722;1,00 &#x2014; &quot;ilustrasi&quot; &unknown; &toString; AT&T</td>
 </tr>
 <tr><td>Jumlah   penduduk
   miskin</td><td>&nbsp;</td><td></td></tr>
</table>`;
    expect(parseHtmlTable(html)).toEqual([
      ['Indikator', '2021', 'Catatan'],
      ['Persentase penduduk\nmiskin (%)', '12,60', 'P1 & P2 <10 \u22121,00 \u2014 "ilustrasi" &unknown; &toString; AT&T'],
      ['Jumlah penduduk miskin', '', ''],
    ]);
  });

  it('tolerates omitted end tags, tbody, upper case and a quoted >', () => {
    const html = '<TABLE><TBODY><TR><TD title="a>b">1<TD>2<TR><TD>3<TD>4</TBODY></TABLE>';
    expect(parseHtmlTable(html)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('pads ragged rows and spans so the columns stay aligned', () => {
    expect(parseHtmlTable('<table><tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td></tr></table>')).toEqual([
      ['1', '2', '3'],
      ['4', '', ''],
    ]);
    const spans = `<table>
      <tr><td colspan=2>Tahun</td><td rowspan="2">Ket</td></tr>
      <tr><td>2021</td><td>2022</td></tr>
      <tr><td rowspan=2>a</td><td>b</td><td>c</td></tr>
      <tr><td>d</td><td>e</td></tr>
    </table>`;
    expect(parseHtmlTable(spans)).toEqual([
      ['Tahun', '', 'Ket'],
      ['2021', '2022', ''],
      ['a', 'b', 'c'],
      ['', 'd', 'e'],
    ]);
  });

  it('reads only the first table, folding a nested one into its cell', () => {
    const html = '<table><tr><td>1</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table><table><tr><td>other</td></tr></table>';
    expect(parseHtmlTable(html)).toEqual([['1', 'x y']]);
  });

  it('returns null without a table and an empty block for an empty one', () => {
    expect(parseHtmlTable('<p>12,60</p>')).toBeNull();
    expect(parseHtmlTable('')).toBeNull();
    expect(parseHtmlTable('<!-- <table><tr><td>1</td></tr></table> -->')).toBeNull();
    expect(parseHtmlTable('<table></table>')).toEqual([]);
  });

  it('refuses more than the cell limit, spans included', () => {
    const row = '<tr><td colspan=1000>1</td></tr>';
    expect(parseHtmlTable(`<table>${row.repeat(100)}</table>`)).toHaveLength(100);
    expect(() => parseHtmlTable(`<table>${row.repeat(101)}</table>`)).toThrow(modelError('too_many_cells'));
  });
});

describe('parseClipboard', () => {
  it('prefers the HTML table when both flavours are there', () => {
    // the text flavour here is deliberately different to show which one was read
    expect(parseClipboard({ text: 'from text', html: EXCEL_3X2_HTML })).toEqual(BLOCK_3X2);
  });

  it('falls back to the text flavour when the HTML has no table or no cells', () => {
    expect(parseClipboard({ text: EXCEL_3X2_TEXT, html: '<meta charset="utf-8"><span>12,60</span>' })).toEqual(BLOCK_3X2);
    expect(parseClipboard({ text: EXCEL_3X2_TEXT, html: '<table></table>' })).toEqual(BLOCK_3X2);
    expect(parseClipboard({ text: EXCEL_3X2_TEXT })).toEqual(BLOCK_3X2);
    expect(parseClipboard({ text: '12,60', html: '' })).toEqual([['12,60']]);
  });

  it('gives an empty block for an empty clipboard', () => {
    expect(parseClipboard({})).toEqual([]);
    expect(parseClipboard({ text: '' })).toEqual([]);
  });
});
