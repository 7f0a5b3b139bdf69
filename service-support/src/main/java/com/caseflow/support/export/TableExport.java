package com.caseflow.support.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ReportTable} as a CSV or Excel file for download. Both show the same text: numbers rounded as
 * the spreadsheet displays them, and shares as percentages.
 */
public final class TableExport {

    /** Excel on Chinese Windows reads a CSV without a byte order mark as GBK and garbles the headers. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;

    /**
     * UTF-8 with a byte order mark, CRLF line ends, quoted as RFC 4180 wants. Shares are written as "85.0%", not
     * 0.85: the file is opened by people in Excel, which reads "85.0%" back as the number 0.85 shown as a percentage,
     * while a bare 0.85 would be shown as a plain number next to a header that says 率. Programs read the JSON form.
     */
    public static byte[] csv(ReportTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = CSVFormat.RFC4180.print(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            printer.getOut().append(BYTE_ORDER_MARK);
            printer.printRecord(table.columns().stream().map(Column::header));
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (int c = 0; c < row.size(); c++) {
                    Column.Kind kind = table.columns().get(c).kind();
                    // A null is printed bare; an empty string first in a line would be printed as "".
                    String text = row.get(c) == null ? null : text(kind, row.get(c));
                    cells.add(kind == Column.Kind.TEXT && text != null ? defused(text) : text);
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One sheet named after the title, a bold header row that stays in view, numbers and dates as typed cells. */
    public static byte[] xlsx(ReportTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getProperties().getCoreProperties().setTitle(table.title());
            Sheet sheet = workbook.createSheet(sheetName(table.title()));
            Map<Column.Kind, CellStyle> styles = styles(workbook);
            List<Column> columns = table.columns();

            CellStyle headerStyle = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            Row header = sheet.createRow(0);
            int[] widths = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(headerStyle);
                widths[c] = width(columns.get(c).header());
            }
            sheet.createFreezePane(0, 1);

            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> values = table.rows().get(r);
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    Column.Kind kind = columns.get(c).kind();
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(styles.get(kind));
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                    widths[c] = Math.max(widths[c], width(text(kind, value)));
                }
            }
            // Widths from the text rather than autoSizeColumn, which measures with AWT fonts a server may not have.
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(Math.max(widths[c] + 2, MIN_WIDTH), MAX_WIDTH) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The table as a file to download, named {@code fileBaseName} plus the format's extension (a blank name falls
     * back to the title). The Content-Disposition carries the name twice: as UTF-8 in {@code filename*} for browsers,
     * and with the Chinese replaced by underscores in {@code filename} for clients that know only ASCII.
     *
     * @throws IllegalArgumentException for JSON, which the controller returns as its own body
     */
    public static ResponseEntity<byte[]> download(ReportTable table, ExportFormat format, String fileBaseName) {
        byte[] body = switch (format) {
            case CSV -> csv(table);
            case XLSX -> xlsx(table);
            case JSON -> throw new IllegalArgumentException("JSON is the report itself, not a file to download");
        };
        String base = fileBaseName == null || fileBaseName.isBlank() ? table.title() : fileBaseName;
        String fileName = base.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .headers(headers -> headers.setContentDisposition(
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build()))
                .body(body);
    }

    private static String sheetName(String title) {
        return WorkbookUtil.createSafeSheetName(title.strip(), '_');
    }

    private static Map<Column.Kind, CellStyle> styles(XSSFWorkbook workbook) {
        DataFormat formats = workbook.createDataFormat();
        Map<Column.Kind, CellStyle> styles = new EnumMap<>(Column.Kind.class);
        for (Column.Kind kind : Column.Kind.values()) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(formats.getFormat(switch (kind) {
                case TEXT -> "@";
                case INTEGER -> "0";
                case DECIMAL -> "0.0#";
                case PERCENT -> "0.0%";
                case DATE -> "yyyy-mm-dd";
            }));
            styles.put(kind, style);
        }
        return styles;
    }

    /** The cell as the spreadsheet shows it; empty for null. */
    private static String text(Column.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case TEXT, DATE -> value.toString();
            case INTEGER -> decimal((Number) value).setScale(0, RoundingMode.HALF_UP).toPlainString();
            case DECIMAL -> {
                BigDecimal rounded = decimal((Number) value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
                yield (rounded.scale() < 1 ? rounded.setScale(1) : rounded).toPlainString();
            }
            case PERCENT -> decimal((Number) value).movePointRight(2).setScale(1, RoundingMode.HALF_UP)
                    .toPlainString() + "%";
        };
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        return BigDecimal.valueOf(number.doubleValue());
    }

    /**
     * Text from customers may start like a formula ("=HYPERLINK(…)"), which Excel would run on opening the CSV;
     * a leading apostrophe keeps it text (OWASP's advice for CSV injection). Typed xlsx cells need no such care.
     */
    private static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** In widths of a digit: CJK characters take two. */
    private static int width(String text) {
        return text.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }

    private TableExport() {
    }
}
