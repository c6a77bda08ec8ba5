package io.socaas.tenants.invoice.rest;

import io.socaas.tenants.invoice.domain.Invoice;
import io.socaas.tenants.invoice.domain.InvoiceLine;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * An invoice as CSV (RFC 4180, CRLF): one row per line and a total row, amounts in major units
 * of the currency (e.g. {@code 1043.00} EUR) so that a spreadsheet sums them as they are.
 */
public final class InvoiceCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "tenant_id,period,status,currency,kind,description,quantity,unit_price,amount";

    private InvoiceCsv() {}

    public static String of(Invoice invoice) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (InvoiceLine line : invoice.lines()) {
            row(
                    csv,
                    invoice,
                    line.kind().wireName(),
                    line.description(),
                    line.quantity().toPlainString(),
                    major(invoice, line.unitPriceMinor()),
                    major(invoice, line.amountMinor()));
        }
        row(csv, invoice, "total", "Total", "", "", major(invoice, invoice.totalMinor()));
        return csv.toString();
    }

    private static void row(StringBuilder csv, Invoice invoice, String... values) {
        List<String> cells = new java.util.ArrayList<>(List.of(
                invoice.tenant().value(),
                invoice.period().toString(),
                invoice.status().wireName(),
                invoice.currency()));
        cells.addAll(List.of(values));
        csv.append(String.join(",", cells.stream().map(InvoiceCsv::cell).toList()))
                .append("\r\n");
    }

    private static String major(Invoice invoice, long minor) {
        int digits = Math.max(0, Currency.getInstance(invoice.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    /** Quotes a cell that holds a comma, quote or line break (RFC 4180). */
    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
