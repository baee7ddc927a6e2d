package io.github.camelbtp.rfc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** The conversion rules of docs/rfc.md, type by type, including the ones the sandbox's functions do not use. */
class AbapValuesTest {

    private static final AbapType CHAR3 = new AbapType(AbapType.Kind.CHAR, 3, 0);
    private static final AbapType NUMC6 = new AbapType(AbapType.Kind.NUMC, 6, 0);
    private static final AbapType INT = new AbapType(AbapType.Kind.INTEGER, 0, 0);
    private static final AbapType DEC = new AbapType(AbapType.Kind.DECIMAL, 15, 2);
    private static final AbapType FLOAT = new AbapType(AbapType.Kind.FLOAT, 0, 0);
    private static final AbapType DATE = new AbapType(AbapType.Kind.DATE, 10, 0);
    private static final AbapType TIME = new AbapType(AbapType.Kind.TIME, 8, 0);
    private static final AbapType RAW = new AbapType(AbapType.Kind.BINARY, 16, 0);

    @Test
    void sapSimpleTypeNamesMapToKinds() {
        assertThat(AbapType.fromXsdName("s0:char10")).isEqualTo(new AbapType(AbapType.Kind.CHAR, 10, 0));
        assertThat(AbapType.fromXsdName("s0:numeric6")).isEqualTo(NUMC6);
        assertThat(AbapType.fromXsdName("s0:decimal15.2")).isEqualTo(DEC);
        assertThat(AbapType.fromXsdName("xsd:int").kind()).isEqualTo(AbapType.Kind.INTEGER);
        assertThat(AbapType.fromXsdName("xsd:double").kind()).isEqualTo(AbapType.Kind.FLOAT);
        assertThat(AbapType.fromXsdName("s0:date").kind()).isEqualTo(AbapType.Kind.DATE);
        assertThat(AbapType.fromXsdName("s0:time").kind()).isEqualTo(AbapType.Kind.TIME);
        assertThat(AbapType.fromXsdName("s0:byte16")).isEqualTo(RAW);
        assertThat(AbapType.fromXsdName("s0:somethingElse")).isNull();
    }

    @Test
    void booleanIsAnAbapFlagWhateverTheType() {
        assertThat(AbapValues.toWire(CHAR3, true)).isEqualTo("X");
        assertThat(AbapValues.toWire(null, false)).isEmpty();
        assertThat(AbapValues.fromWire(CHAR3, "X", true)).isEqualTo(true);
        assertThat(AbapValues.fromWire(CHAR3, " ", true)).isEqualTo(false);
    }

    @Test
    void numcIsPaddedAndStaysText() {
        assertThat(AbapValues.toWire(NUMC6, 10)).isEqualTo("000010");
        assertThat(AbapValues.toWire(NUMC6, "42")).isEqualTo("000042");
        assertThat(AbapValues.fromWire(NUMC6, "000010", false)).isEqualTo("000010");
        assertThatThrownBy(() -> AbapValues.toWire(NUMC6, "12a")).hasMessageContaining("numeric6");
        assertThatThrownBy(() -> AbapValues.toWire(NUMC6, 1234567)).hasMessageContaining("up to 6 digits");
    }

    @Test
    void integersRefuseFractions() {
        assertThat(AbapValues.toWire(INT, new BigDecimal("7"))).isEqualTo("7");
        assertThat(AbapValues.fromWire(INT, " 42 ", false)).isEqualTo(42);
        assertThatThrownBy(() -> AbapValues.toWire(INT, 1.5)).hasMessageContaining("not a whole number");
    }

    @Test
    void decimalsKeepTheirScaleAndRefuseRounding() {
        assertThat(AbapValues.toWire(DEC, new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(AbapValues.toWire(DEC, 3)).isEqualTo("3");
        assertThat(AbapValues.fromWire(DEC, "123.40", false)).isEqualTo(new BigDecimal("123.40"));
        assertThatThrownBy(() -> AbapValues.toWire(DEC, new BigDecimal("1.005"))).hasMessageContaining("round");
    }

    @Test
    void floatsReadSapsExponentNotation() {
        assertThat(AbapValues.fromWire(FLOAT, "1.5000000000000000E+00", false)).isEqualTo(1.5);
        assertThat(AbapValues.toWire(FLOAT, 0.25f)).isEqualTo("0.25");
    }

    @Test
    void datesTravelAsIsoAndTheInitialDateIsNull() {
        assertThat(AbapValues.toWire(DATE, LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(AbapValues.toWire(DATE, LocalDateTime.of(2024, 2, 29, 13, 0))).isEqualTo("2024-02-29");
        assertThat(AbapValues.toWire(DATE, "20240229")).isEqualTo("2024-02-29");
        assertThat(AbapValues.fromWire(DATE, "0000-00-00", false)).isNull();
        assertThat(AbapValues.fromWire(DATE, "20240229", false)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> AbapValues.toWire(DATE, "2024-02-30")).hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void isoDatesAndTimesOfAnAnswerAreReadAsStrictlyAsIsoParsing() {
        assertThat(AbapValues.fromWire(DATE, "2024-02-29", false)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(AbapValues.fromWire(DATE, " 1999-12-31 ", false)).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThatThrownBy(() -> AbapValues.fromWire(DATE, "2023-02-29", false)).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> AbapValues.fromWire(DATE, "2024-13-01", false)).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> AbapValues.fromWire(DATE, "2024-0a-01", false)).hasMessageContaining("not a valid");
        assertThat(AbapValues.fromWire(TIME, "00:00:00", false)).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(AbapValues.fromWire(TIME, "07:05", false)).isEqualTo(LocalTime.of(7, 5));
        assertThat(AbapValues.fromWire(TIME, "07:05:01.5", false)).isEqualTo(LocalTime.of(7, 5, 1, 500_000_000));
        assertThatThrownBy(() -> AbapValues.fromWire(TIME, "24:00:00", false)).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> AbapValues.fromWire(TIME, "12:60:00", false)).hasMessageContaining("not a valid");
    }

    @Test
    void timesTravelAsHoursMinutesSeconds() {
        assertThat(AbapValues.toWire(TIME, LocalTime.of(7, 5))).isEqualTo("07:05:00");
        assertThat(AbapValues.toWire(TIME, "235958")).isEqualTo("23:59:58");
        assertThat(AbapValues.fromWire(TIME, "23:59:58", false)).isEqualTo(LocalTime.of(23, 59, 58));
        assertThatThrownBy(() -> AbapValues.toWire(TIME, "25:00:00")).hasMessageContaining("HH:MM:SS");
    }

    @Test
    void binaryTravelsAsBase64() {
        byte[] bytes = "raw".getBytes(StandardCharsets.US_ASCII);

        assertThat(AbapValues.toWire(RAW, bytes)).isEqualTo("cmF3");
        assertThat((byte[]) AbapValues.fromWire(RAW, "cmF3", false)).isEqualTo(bytes);
    }

    @Test
    void charLongerThanItsLengthIsRefused() {
        assertThat(AbapValues.toWire(CHAR3, "abc")).isEqualTo("abc");
        assertThatThrownBy(() -> AbapValues.toWire(CHAR3, "abcd")).hasMessageContaining("char3 holds 3");
    }

    @Test
    void withoutTypeValuesGoOutAsTextAndComeBackAsText() {
        assertThat(AbapValues.toWire(null, new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(AbapValues.toWire(null, LocalDate.of(2024, 1, 1))).isEqualTo("2024-01-01");
        assertThat(AbapValues.fromWire(null, "0042", false)).isEqualTo("0042");
    }

    @Test
    void wrongWireValueSaysWhatWasExpected() {
        assertThatThrownBy(() -> AbapValues.fromWire(DEC, "abc", false)).hasMessageContaining("decimal15.2");
    }
}
