package org.iommuc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.iommuc.dsl.TestFiles;
import org.junit.jupiter.api.Test;

/** encode, decode and index as a user meets them, including every way to get them wrong. */
class EntryCommandsTest {

    private static String example(String name) {
        return TestFiles.root().resolve("examples").resolve(name).toString();
    }

    private static final String V1 = example("rockchip-v1.iommu");
    private static final String V2 = example("rockchip-v2.iommu");

    @Test
    void decodePrintsFieldsAddressPermissionsAndValidity() {
        CliRun run = CliRun.of("decode", V2, "pte", "0xcdef1ba7");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("rockchip_v2 pte 0xCDEF1BA7: valid\n")
                .contains("  readable  1               1\n")
                .contains("  page      31:12,11:8,7:4  0xABCDEF1000\n")
                .contains("  read                      allowed\n")
                .contains("  write                     allowed");
    }

    @Test
    void decodeOfAnInvalidEntrySaysWhy() {
        CliRun run = CliRun.of("decode", V2, "pte", "0xcdef1ba6");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("rockchip_v2 pte 0xCDEF1BA6: not a valid pte (valid is 0, a pte has 1)")
                .doesNotContain("allowed").contains("denied (not a valid entry)");
        assertThat(CliRun.of("decode", V2, "pte", "0xcdef1ba6", "--json").out())
                .contains("\"valid\":false").contains("\"read\":\"denied\"").doesNotContain("allowed");
    }

    @Test
    void aRequestMissingOrGivenTwiceIsAUsageError() {
        CliRun decode = CliRun.of("decode", V1, "pte");
        assertThat(decode.exitCode()).isEqualTo(2);
        assertThat(decode.err()).isEqualTo("iommuc: error: usage: iommuc decode FILE FORMAT VALUE (formats: dte, pte)\n");
        CliRun encode = CliRun.of("encode", V1);
        assertThat(encode.exitCode()).isEqualTo(2);
        assertThat(encode.err()).startsWith("iommuc: error: missing FORMAT");
        CliRun batch = CliRun.of("decode", V1, "--batch", "pte", "0x1");
        assertThat(batch.exitCode()).isEqualTo(2);
        assertThat(batch.err()).contains("--batch takes its requests from stdin");
    }

    @Test
    void decodeShowsPermissionsThatDependOnRegisters() {
        CliRun run = CliRun.of("decode", example("sun50i-h6.iommu"), "pte", "0x12345022");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("aci").contains("(RD)").contains("allowed if").contains("master");
    }

    @Test
    void reservedBitsAreAnErrorAfterTheDecode() {
        CliRun run = CliRun.of("decode", V1, "pte", "0x12345E07");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("valid");
        assertThat(run.err()).isEqualTo("iommuc: error: 0x12345E07 sets reserved bits 11:9 of pte (0xE00)\n");
    }

    @Test
    void unknownFormatIsAClearError() {
        CliRun run = CliRun.of("decode", V1, "ptee", "0x1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(
                "iommuc: error: format 'ptee' does not exist in rockchip_v1; its formats are dte, pte; did you mean 'pte'?\n");
        assertThat(CliRun.of("encode", V1, "nope", "--oa", "0").exitCode()).isEqualTo(1);
    }

    @Test
    void valueWiderThanTheEntryIsAClearError() {
        CliRun run = CliRun.of("decode", V1, "pte", "0x1_0000_0001");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("iommuc: error: value 0x100000001 is wider than a pte (32 bits)\n");
        CliRun notANumber = CliRun.of("decode", V1, "pte", "0xZZ");
        assertThat(notANumber.exitCode()).isEqualTo(1);
        assertThat(notANumber.err()).contains("'0xZZ' is not a number");
        assertThat(CliRun.of("decode", V1, "pte", "0x1_0000_0000_0000_0000").err()).contains("does not fit in 64 bits");
    }

    @Test
    void encodeErrors() {
        assertThat(CliRun.of("encode", V1, "pte", "--oa", "0x1000", "--prot", "x").err())
                .isEqualTo("iommuc: error: --prot 'x' is not one of r, w, rw, none\n");
        assertThat(CliRun.of("encode", V1, "pte", "nope=1").err())
                .isEqualTo("iommuc: error: format 'pte' has no field 'nope'\n");
        assertThat(CliRun.of("encode", V1, "pte", "readable=2").err())
                .isEqualTo("iommuc: error: value 0x2 does not fit field 'readable' (1 bit)\n");
        assertThat(CliRun.of("encode", V1, "pte", "valid=0").err())
                .isEqualTo("iommuc: error: field 'valid' is a tag: every pte holds 1 there\n");
        assertThat(CliRun.of("encode", V1, "pte", "oops").err()).isEqualTo("iommuc: error: 'oops' is not FIELD=VALUE\n");
    }

    @Test
    void encodeTakesEnumeratedFieldValuesByName() {
        CliRun run = CliRun.of("encode", example("sun50i-h6.iommu"), "pte", "--oa", "0x12345000", "aci=RD_WR");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("0x12345042\n");
    }

    @Test
    void numbersAreExactlyTheLanguagesNumbers() {
        // Fullwidth digits are Unicode digits BigInteger would take; the language does not.
        CliRun fullwidth = CliRun.of("index", V1, "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18");
        assertThat(fullwidth.exitCode()).isEqualTo(1);
        assertThat(fullwidth.err()).startsWith("iommuc: error: IOVA '\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18' "
                + "is not a number (write 4096, 0x1000 or 0b1010: ASCII digits, '_' allowed after the first digit)");
        for (String bad : new String[] {"0x_1", "0b_1", "_1", "0x", "0b", "0b2", "0x1g", "-1", "+1", "1 ", "\u0661", "0x\uFF11"}) {
            CliRun run = CliRun.of("decode", V1, "pte", bad);
            assertThat(run.exitCode()).as(bad).isEqualTo(1);
            assertThat(run.err()).as(bad).startsWith("iommuc: error: value '" + bad + "' is not a number");
        }
        for (String good : new String[] {"0x1_", "0X1", "0B1", "0b1_", "1_", "0_1", "1"}) {
            CliRun run = CliRun.of("decode", V1, "pte", good);
            assertThat(run.exitCode()).as(good).isZero();
            assertThat(run.out()).as(good).startsWith("rockchip_v1 pte 0x00000001: valid");
        }
    }

    @Test
    void encodeRefusesProtForAFormatWithoutPermissions() {
        CliRun run = CliRun.of("encode", V1, "dte", "--oa", "0x1000", "--prot", "rw");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("iommuc: error: format 'dte' has no permission encoding (no prot rules); drop --prot\n");
        assertThat(CliRun.of("encode", V1, "dte", "--oa", "0x1000").out()).isEqualTo("0x00001001\n");
    }

    @Test
    void encodeRefusesAFieldGivenTwice() {
        CliRun run = CliRun.of("encode", V1, "pte", "--oa", "0x1000", "readable=1", "readable=0");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("iommuc: error: field 'readable' is given twice; give it once\n");
    }

    @Test
    void encodeListsTheNamesOfAnEnumeratedField() {
        String h6 = example("sun50i-h6.iommu");
        CliRun run = CliRun.of("encode", h6, "pte", "--oa", "0x12345000", "aci=BOGUS");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("iommuc: error: value of aci 'BOGUS' is neither a number nor one of its values: "
                + "DO_NOT_USE, NONE, RD, WR, RD_WR\n");
        assertThat(CliRun.of("encode", h6, "pte", "--oa", "0x12345000", "aci=4").out()).isEqualTo("0x12345042\n");
        assertThat(CliRun.of("encode", h6, "pte", "--oa", "0x12345000", "--prot", "r").out()).isEqualTo("0x12345022\n");
    }

    @Test
    void encodeBatchReportsEachBadLineAndGoesOn() {
        CliRun run = withStdin("dte --oa 0x1000 --prot rw\npte --oa 0x1000 readable=1 readable=1\n"
                + "pte --oa \uFF11\ndte --oa 0x1000\n", "encode", "--batch", V1);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("error: format 'dte' has no permission encoding (no prot rules); drop --prot\n"
                + "error: field 'readable' is given twice; give it once\n"
                + "error: --oa '\uFF11' is not a number (write 4096, 0x1000 or 0b1010: ASCII digits, '_' allowed after "
                + "the first digit)\n"
                + "0x00001001\n");
    }

    @Test
    void indexPrintsLevelsAndOffsetsAndRefusesWideIovas() {
        CliRun run = CliRun.of("index", example("exynos-sysmmu-v1.iommu"), "0xDEADBEEF");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("lv1", "index 0xDEA (3562)", "lv2", "index 0xDB (219)",
                "offset in a 4K page: 0xEEF", "offset in a 64K page: 0xBEEF", "offset in a 1M page: 0xDBEEF");
        CliRun wide = CliRun.of("index", V1, "0x1_0000_0000");
        assertThat(wide.exitCode()).isEqualTo(1);
        assertThat(wide.err()).isEqualTo("iommuc: error: IOVA 0x100000000 is beyond the 32-bit IOVA of rockchip_v1\n");
        assertThat(CliRun.of("index", example("verisilicon-iommu-1.2.iommu"), "0x1000").out()).contains("pta", "fixed", "index 0x0");
    }

    @Test
    void batchModesPrintOneLinePerRequestAndFailOnAnyError() {
        CliRun encode = withStdin("pte --oa 0x12345678 --prot r\n# comment\n\ndte --oa=0x87654321\nptx 1\n",
                "encode", "--batch", V1);
        assertThat(encode.out()).isEqualTo("0x12345003\n0x87654001\n"
                + "error: format 'ptx' does not exist in rockchip_v1; its formats are dte, pte; did you mean 'pte'?\n");
        assertThat(encode.exitCode()).isEqualTo(1);

        CliRun decode = withStdin("pte 0x12345007\ndte 0x87654001\n", "decode", "--batch", V1);
        assertThat(decode.exitCode()).isZero();
        assertThat(decode.out().lines()).hasSize(2);
        assertThat(decode.out()).startsWith("valid valid=1 readable=1 writable=1").contains("page=0x12345000 read=allowed");

        CliRun json = withStdin("pte 0x12345007\npte 0x12345E07\n", "decode", "--batch", "--json", V1);
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.out().lines().toList().get(0)).startsWith("{\"iommu\":\"rockchip_v1\",\"format\":\"pte\"");
        assertThat(json.out().lines().toList().get(1)).startsWith("{\"error\":\"0x12345E07 sets reserved bits 11:9");
    }

    @Test
    void aBrokenDescriptionGivesItsDiagnostics() {
        CliRun run = CliRun.of("decode", TestFiles.root().resolve("bad/E0001-missing-brace.iommu").toString(), "pte", "1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error[E0001]").doesNotContain("Exception");
    }

    private static CliRun withStdin(String input, String... args) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }
}
