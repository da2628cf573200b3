package se.alfmonitor.reporting.api.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import se.alfmonitor.contract.http.SpreadsheetText;

/**
 * Writes every {@link Tabular} response as CSV (RFC 4180, UTF-8) when the client asks for {@value #TEXT_CSV}.
 *
 * <p>Text cells go through {@link SpreadsheetText}, so a spreadsheet never runs unit names or explanations from
 * outside as formulas; numbers are written as they are.
 */
@Provider
@Produces(CsvWriter.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<Tabular> {

    public static final String TEXT_CSV = "text/csv";
    public static final String TEXT_CSV_UTF8 = "text/csv;charset=UTF-8";

    // the entity stream belongs to the HTTP layer, which closes it
    private static final CsvMapper CSV = CsvMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Tabular.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Tabular value, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", TEXT_CSV_UTF8);
        write(value.toCsv(), out);
    }

    public static void write(CsvTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (SequenceWriter rows = CSV.writerFor(String[].class).writeValues(writer)) {
            rows.write(table.headers().stream().map(CsvWriter::text).toArray(String[]::new));
            for (List<Object> row : table.rows()) {
                rows.write(row.stream().map(CsvWriter::cell).toArray(String[]::new));
            }
        }
        writer.flush();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return text(value.toString());
    }

    /** Neutralises spreadsheet formula injection in a text cell ({@link SpreadsheetText}). */
    static String text(String value) {
        return SpreadsheetText.safe(value);
    }
}
