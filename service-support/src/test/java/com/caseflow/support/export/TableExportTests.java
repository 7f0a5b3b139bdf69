package com.caseflow.support.export;

import com.caseflow.support.export.Column.Kind;
import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static com.caseflow.support.export.ReportTable.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableExportTests {

    private static final String TITLE = "坐席月度考核 2026-11-01 至 2026-11-30";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final String NOTE_WITH_COMMA = "漏水, 已修复";
    private static final String NOTE_WITH_QUOTES_AND_NEWLINE = "业主说\"再也不买\"\r\n第二行";
    private static final String NOTE_LIKE_A_FORMULA = "=HYPERLINK(\"http://evil.example\",\"点我\")";

    private static final ReportTable TABLE = new ReportTable(TITLE, List.of(
            new Column("agentId", "坐席工号", Kind.TEXT),
            new Column("name", "姓名", Kind.TEXT),
            new Column("contacts", "受理量", Kind.INTEGER),
            new Column("averageSatisfaction", "平均满意度", Kind.DECIMAL),
            new Column("csat", "满意率", Kind.PERCENT),
            new Column("day", "统计日期", Kind.DATE),
            new Column("note", "备注", Kind.TEXT)), List.of(
            row("A001", "王小明", 128L, 11.0 / 3, 0.85, DAY, NOTE_WITH_COMMA),
            row("A002", "李娜", 0, null, null, null, NOTE_WITH_QUOTES_AND_NEWLINE),
            row("A003", null, 7, 4.5, 1.0, DAY, NOTE_LIKE_A_FORMULA)));

    private static Workbook readXlsx(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static List<CSVRecord> readCsv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void whenExportedAsXlsxThenTheHeaderRowHoldsTheChineseTitlesInBoldAndStaysInView() throws IOException {
        try (Workbook workbook = readXlsx(TableExport.xlsx(TABLE))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);

            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(sheet.getSheetName()).isEqualTo(TITLE);
            assertThat(header).extracting(Cell::getStringCellValue)
                    .containsExactly("坐席工号", "姓名", "受理量", "平均满意度", "满意率", "统计日期", "备注");
            assertThat(header).allSatisfy(cell ->
                    assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue());
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex())
                    .isNotEqualTo(header.getCell(0).getCellStyle().getFontIndex());
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isZero();
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void whenExportedAsXlsxThenNumbersAndDatesAreTypedCellsWithTheirFormats() throws IOException {
        try (Workbook workbook = readXlsx(TableExport.xlsx(TABLE))) {
            Row first = workbook.getSheetAt(0).getRow(1);
            DataFormatter shown = new DataFormatter();

            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(128.0);
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(11.0 / 3);
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0#");
            assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(0.85);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(5))).isTrue();
            assertThat(first.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(DAY);
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(first).extracting(shown::formatCellValue)
                    .containsExactly("A001", "王小明", "128", "3.67", "85.0%", "2026-11-30", NOTE_WITH_COMMA);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
        }
    }

    @Test
    void whenACellIsNullThenTheXlsxCellIsBlank() throws IOException {
        try (Workbook workbook = readXlsx(TableExport.xlsx(TABLE))) {
            Row second = workbook.getSheetAt(0).getRow(2);
            Row third = workbook.getSheetAt(0).getRow(3);

            for (Cell cell : List.of(second.getCell(3), second.getCell(4), second.getCell(5), third.getCell(1))) {
                assertThat(cell.getCellType()).isEqualTo(CellType.BLANK);
                assertThat(new DataFormatter().formatCellValue(cell)).isEmpty();
            }
            assertThat(second.getCell(6).getStringCellValue()).isEqualTo(NOTE_WITH_QUOTES_AND_NEWLINE);
        }
    }

    @Test
    void whenTextLooksLikeAFormulaThenItStaysText() throws IOException {
        try (Workbook workbook = readXlsx(TableExport.xlsx(TABLE))) {
            Cell cell = workbook.getSheetAt(0).getRow(3).getCell(6);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo(NOTE_LIKE_A_FORMULA);
        }
        assertThat(readCsv(TableExport.csv(TABLE)).get(2).get("备注")).isEqualTo("'" + NOTE_LIKE_A_FORMULA);
    }

    @Test
    void whenColumnsAreSizedThenWidthsFollowTheTextWithoutAwt() throws IOException {
        try (Workbook workbook = readXlsx(TableExport.xlsx(TABLE))) {
            Sheet sheet = workbook.getSheetAt(0);
            // 受理量: three CJK characters (two units each) and two of padding; 备注: its longest note.
            assertThat(sheet.getColumnWidth(2)).isEqualTo((3 * 2 + 2) * 256);
            assertThat(sheet.getColumnWidth(6)).isGreaterThan(sheet.getColumnWidth(2)).isLessThanOrEqualTo(60 * 256);
        }
    }

    @Test
    void whenTheTitleHasCharactersExcelForbidsOrIsTooLongThenTheSheetNameIsCleanedAndShortened() throws IOException {
        ReportTable forbidden = new ReportTable("工程部[北京]/考核: 2026-11?*\\", TABLE.columns(), List.of());
        ReportTable tooLong = new ReportTable("一二三四五六七八九十".repeat(4), TABLE.columns(), List.of());

        try (Workbook workbook = readXlsx(TableExport.xlsx(forbidden))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("工程部_北京__考核_ 2026-11___");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("坐席工号");
        }
        try (Workbook workbook = readXlsx(TableExport.xlsx(tooLong))) {
            assertThat(workbook.getSheetAt(0).getSheetName())
                    .isEqualTo("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");
        }
    }

    @Test
    void whenExportedAsCsvThenItIsUtf8WithAByteOrderMarkCrlfAndChineseHeaders() {
        byte[] csv = TableExport.csv(TABLE);

        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .startsWith("\uFEFF坐席工号,姓名,受理量,平均满意度,满意率,统计日期,备注\r\n"
                        + "A001,王小明,128,3.67,85.0%,2026-11-30,\"漏水, 已修复\"\r\n")
                .endsWith("\r\n");
    }

    @Test
    void whenTextHasCommasQuotesAndNewlinesThenTheCsvQuotesThemAndTheyParseBack() throws IOException {
        byte[] csv = TableExport.csv(TABLE);
        List<CSVRecord> records = readCsv(csv);

        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("\"业主说\"\"再也不买\"\"\r\n第二行\"");
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get("备注")).isEqualTo(NOTE_WITH_COMMA);
        assertThat(records.get(1).get("备注")).isEqualTo(NOTE_WITH_QUOTES_AND_NEWLINE);
        assertThat(records.get(0).get("姓名")).isEqualTo("王小明");
    }

    @Test
    void whenExportedAsCsvThenNumbersArePlainSharesArePercentagesAndNullsAreEmpty() throws IOException {
        List<CSVRecord> records = readCsv(TableExport.csv(TABLE));

        assertThat(records.get(1).values()).containsExactly("A002", "李娜", "0", "", "", "", NOTE_WITH_QUOTES_AND_NEWLINE);
        assertThat(records.get(2).values()).containsExactly("A003", "", "7", "4.5", "100.0%", "2026-11-30",
                "'" + NOTE_LIKE_A_FORMULA);
        assertThat(new String(TableExport.csv(TABLE), StandardCharsets.UTF_8)).doesNotContain("null");
    }

    @Test
    void whenLargeOrTinyNumbersAreExportedThenTheCsvHasNoExponents() throws IOException {
        ReportTable table = new ReportTable("数字", List.of(new Column("n", "数量", Kind.INTEGER),
                new Column("d", "小时", Kind.DECIMAL), new Column("p", "比例", Kind.PERCENT)),
                List.of(row(12_345_678_901L, 1e7, 1e-9), row(2.5, 0.004, 0.0005)));

        List<CSVRecord> records = readCsv(TableExport.csv(table));

        assertThat(records.get(0).values()).containsExactly("12345678901", "10000000.0", "0.0%");
        assertThat(records.get(1).values()).containsExactly("3", "0.0", "0.1%");
    }

    @Test
    void whenAFormatIsNamedInAnyCaseOrNotAtAllThenItIsParsed() {
        assertThat(ExportFormat.parse(null)).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.parse(" ")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.parse("Json")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.parse("CSV")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.parse(" xlsx ")).isEqualTo(ExportFormat.XLSX);
        assertThat(ExportFormat.XLSX.extension()).isEqualTo("xlsx");
        assertThat(ExportFormat.CSV.mediaType()).isEqualTo("text/csv;charset=UTF-8");
    }

    @Test
    void whenAFormatIsUnknownThenTheRequestIsRefusedNamingTheFormatField() {
        for (String unknown : List.of("pdf", "xls", ".csv")) {
            assertThatThrownBy(() -> ExportFormat.parse(unknown))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                            .containsExactly(new FieldProblem("format", "one of json, csv, xlsx")));
        }
    }

    @Test
    void whenDownloadedThenContentDispositionCarriesTheChineseNameAsUtf8AndAnAsciiFallback() throws IOException {
        ResponseEntity<byte[]> response = TableExport.download(TABLE, ExportFormat.XLSX, "坐席月度考核-2026-11");
        String disposition = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(disposition).startsWith("attachment;")
                .contains("filename*=UTF-8''%E5%9D%90%E5%B8%AD%E6%9C%88%E5%BA%A6%E8%80%83%E6%A0%B8-2026-11.xlsx")
                .contains("filename=\"______-2026-11.xlsx\"");
        assertThat(disposition.chars()).allMatch(c -> c < 128);
        assertThat(ContentDisposition.parse(disposition).getFilename()).isEqualTo("坐席月度考核-2026-11.xlsx");
        try (Workbook workbook = readXlsx(response.getBody())) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo(TITLE);
        }
    }

    @Test
    void whenDownloadedAsCsvWithoutANameThenTheTitleNamesTheFileWithoutPathCharacters() {
        ReportTable table = new ReportTable("工程部/考核 2026:11", TABLE.columns(), List.of());

        ResponseEntity<byte[]> response = TableExport.download(table, ExportFormat.CSV, " ");

        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        assertThat(ContentDisposition.parse(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .getFilename()).isEqualTo("工程部_考核 2026_11.csv");
        assertThat(response.getBody()).isEqualTo(TableExport.csv(table));
        assertThatThrownBy(() -> TableExport.download(table, ExportFormat.JSON, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenACellDoesNotFitItsColumnThenTheTableIsRefused() {
        List<Column> columns = List.of(new Column("csat", "满意率", Kind.PERCENT), new Column("day", "日期", Kind.DATE));

        assertThatThrownBy(() -> new ReportTable(TITLE, columns, List.of(row("85%", DAY))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("csat");
        assertThatThrownBy(() -> new ReportTable(TITLE, columns, List.of(row(0.85, "2026-11-30"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("day");
        assertThatThrownBy(() -> new ReportTable(TITLE, columns, List.of(row(Double.NaN, DAY))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportTable(TITLE, columns, List.of(row(0.85))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
    }
}
