package org.roadmapbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapbot.core.UserError;

class TimeZonesTest {

    @ParameterizedTest
    @CsvSource({
        "europe/berlin, Europe/Berlin",
        "EUROPE/BERLIN, Europe/Berlin",
        "' America/New_York ', America/New_York",
        "america/new york, America/New_York",
        "utc, UTC",
        "UTC, UTC"
    })
    void ianaNamesInAnyCase(String typed, String zone) {
        TimeZones.Parsed parsed = TimeZones.parse(typed).orElseThrow();
        assertThat(parsed.zone()).isEqualTo(ZoneId.of(zone));
    }

    @ParameterizedTest
    @CsvSource({
        "EST, America/New_York, EST → America/New_York",
        "est, America/New_York, EST → America/New_York",
        "PDT, America/Los_Angeles, PDT → America/Los_Angeles",
        "CET, Europe/Paris, CET → Europe/Paris",
        "IST, Asia/Kolkata, IST → Asia/Kolkata",
        "AEST, Australia/Sydney, AEST → Australia/Sydney"
    })
    void abbreviationsMapToANamedZoneAndSaySo(String typed, String zone, String note) {
        TimeZones.Parsed parsed = TimeZones.parse(typed).orElseThrow();
        assertThat(parsed.zone()).isEqualTo(ZoneId.of(zone));
        assertThat(parsed.note()).hasValue(note);
    }

    @ParameterizedTest
    @CsvSource({"+05:30, 5, 30", "GMT+2, 2, 0", "UTC-3, -3, 0", "utc + 5, 5, 0", "-0330, -3, -30", "UTC+14, 14, 0"})
    void utcOffsetsAreFixedZonesThatQuartzReadsRightly(String typed, int hours, int minutes) {
        TimeZones.Parsed parsed = TimeZones.parse(typed).orElseThrow();
        ZoneOffset expected = ZoneOffset.ofHoursMinutes(hours, minutes);
        assertThat(parsed.zone()).isEqualTo(expected);
        assertThat(parsed.note()).hasValueSatisfying(n -> assertThat(n).contains("UTC" + expected.getId()));
        // Quartz schedules with java.util.TimeZone: the offset must survive that conversion (an id such as
        // "UTC+05:30" silently becomes GMT there), and the stored id must read back as the same zone.
        assertThat(TimeZone.getTimeZone(parsed.zone()).getRawOffset()).isEqualTo(expected.getTotalSeconds() * 1000);
        assertThat(ZoneId.of(parsed.zone().getId())).isEqualTo(expected);
        assertThat(TimeZones.label(parsed.zone())).isEqualTo("UTC" + expected.getId());
    }

    @ParameterizedTest
    @CsvSource({"Mars/Olympus", "UTC+25", "+5:99", "nowhere", "EST5EDT5"})
    void unknownTextNamesNoZone(String typed) {
        assertThat(TimeZones.parse(typed)).isEmpty();
    }

    @Test
    void theErrorSuggestsCloseNamesAndSaysNothingChanged() {
        assertThatThrownBy(() -> TimeZones.require("Berlin"))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("`Berlin` isn't a time zone I know")
                .hasMessageContaining("did you mean `Europe/Berlin`")
                .hasMessageContaining("Nothing was changed");
    }

    @Test
    void autocompleteOffersTheMappedZoneForAnAbbreviationFirst() {
        assertThat(TimeZones.matching("EST", 3)).first().isEqualTo("America/New_York");
        assertThat(TimeZones.matching("EST", 25)).doesNotContain("EST5EDT").doesNotContain("EST");
        assertThat(TimeZones.matching("berl", 5)).first().isEqualTo("Europe/Berlin");
        assertThat(TimeZones.matching("", 25))
                .hasSize(25)
                .allSatisfy(z -> assertThat(z).contains("/"));
    }
}
