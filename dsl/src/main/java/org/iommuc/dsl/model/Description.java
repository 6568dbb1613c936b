package org.iommuc.dsl.model;

import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.source.Span;

/**
 * One IOMMU. As built from source it is a declaration (a derived one may be partial and hold
 * {@link Removal}s); after {@code extends} merging it is complete and its removal list is empty.
 */
public record Description(
        Ident name,
        String doc,
        Optional<Ident> base,
        List<Text> compatibles,
        Optional<Expr> iovaBits,
        Optional<Expr> oaBits,
        Optional<Expr> tableOaBits,
        Optional<Aperture> aperture,
        Optional<Expr> masters,
        Optional<Power> power,
        Optional<Setting<TranslationMode>> resetTranslation,
        Optional<Bypass> bypass,
        List<Constant> constants,
        List<Buffer> buffers,
        List<DtOption> options,
        Optional<Banks> banks,
        List<Register> registers,
        List<Format> formats,
        Optional<Walk> walk,
        Optional<Cache> tlb,
        Optional<Cache> walkCache,
        List<Rule> rules,
        List<FaultHandler> faults,
        List<Interrupt> interrupts,
        List<Sequence> sequences,
        List<Obligation> obligations,
        List<Removal> removals,
        Span span) {

    public Description {
        compatibles = List.copyOf(compatibles);
        constants = List.copyOf(constants);
        buffers = List.copyOf(buffers);
        options = List.copyOf(options);
        registers = List.copyOf(registers);
        formats = List.copyOf(formats);
        rules = List.copyOf(rules);
        faults = List.copyOf(faults);
        interrupts = List.copyOf(interrupts);
        sequences = List.copyOf(sequences);
        obligations = List.copyOf(obligations);
        removals = List.copyOf(removals);
    }

    /** Bits of the IOVA (input address). */
    public int iovaBitsValue() {
        return (int) (long) iovaBits.map(e -> Exprs.constant(e).orElse(32)).orElse(32L);
    }

    /** Bits of the output (physical) address. */
    public int oaBitsValue() {
        return (int) (long) oaBits.map(e -> Exprs.constant(e).orElse(32)).orElse(32L);
    }

    /** Bits of the output address page tables may live at; the OA width unless narrower. */
    public int tableOaBitsValue() {
        return (int) (long) tableOaBits.map(e -> Exprs.constant(e).orElse(oaBitsValue())).orElse((long) oaBitsValue());
    }

    /** Number of masters (stream ids); 1 unless given. */
    public long mastersValue() {
        return masters.map(e -> Exprs.constant(e).orElse(1)).orElse(1L);
    }

    /** First IOVA of the aperture (inclusive). */
    public long apertureFirst() {
        return aperture.map(a -> Exprs.constant(a.first()).orElse(0)).orElse(0L);
    }

    /** Last IOVA of the aperture (inclusive); the top of the IOVA width unless given. */
    public long apertureLast() {
        long top = iovaBitsValue() >= 64 ? -1L : (1L << iovaBitsValue()) - 1;
        return aperture.map(a -> Exprs.constant(a.last()).orElse(top)).orElse(top);
    }

    public Optional<Register> register(String registerName) {
        return Optional.ofNullable(DescriptionIndex.of(this).register(registerName));
    }

    public Optional<Format> format(String formatName) {
        return Optional.ofNullable(DescriptionIndex.of(this).format(formatName));
    }

    public Optional<Sequence> sequence(String sequenceName) {
        return Optional.ofNullable(DescriptionIndex.of(this).sequence(sequenceName));
    }

    /**
     * The register sharing {@code r}'s offset as the other direction's view: the one {@code r}
     * names with {@code view}, or one that names {@code r}.
     */
    public Optional<Register> viewOf(Register r) {
        Optional<Register> named = r.view().flatMap(v -> register(v.text()));
        if (named.isPresent()) {
            return named;
        }
        for (Register other : registers) {
            if (other != r && other.view().map(v -> v.text().equals(r.name().text())).orElse(false)) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    public Optional<Constant> constant(String constantName) {
        return Optional.ofNullable(DescriptionIndex.of(this).constant(constantName));
    }

    /** The translation state at reset: bypass unless the description says otherwise. */
    public TranslationMode resetTranslationValue() {
        return resetTranslation.map(Setting::value).orElse(TranslationMode.BYPASS);
    }

    public Optional<Buffer> buffer(String bufferName) {
        return Optional.ofNullable(DescriptionIndex.of(this).buffer(bufferName));
    }

    public Optional<DtOption> option(String optionName) {
        return Optional.ofNullable(DescriptionIndex.of(this).option(optionName));
    }

    /** True when one instance has several register banks ({@code banks "property";}). */
    public boolean banked() {
        return banks.isPresent();
    }

    public List<Level> levels() {
        return walk.map(Walk::levels).orElse(List.of());
    }

    public String nameText() {
        return name.text();
    }
}
