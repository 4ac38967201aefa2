package org.roadmapbot.knowledge.data;

import java.math.BigDecimal;

/** Formats the data's numbers the way the source writes them (3.5 hrs, $24.50). */
public final class Numbers {

    private Numbers() {}

    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public static String hours(double value) {
        return plain(value) + " hrs";
    }

    public static String usd(double value) {
        return value == Math.rint(value) ? "$" + (long) value : String.format(java.util.Locale.ROOT, "$%.2f", value);
    }
}
