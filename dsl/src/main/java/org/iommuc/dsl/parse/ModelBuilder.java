package org.iommuc.dsl.parse;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Access;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.AllowRule;
import org.iommuc.dsl.model.Aperture;
import org.iommuc.dsl.model.Arg;
import org.iommuc.dsl.model.Assignment;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Cache;
import org.iommuc.dsl.model.CacheKind;
import org.iommuc.dsl.model.Call;
import org.iommuc.dsl.model.Coherency;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.Constant;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.EmptyRule;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.dsl.model.FaultKind;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Index;
import org.iommuc.dsl.model.Interrupt;
import org.iommuc.dsl.model.InvalidateScope;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Member;
import org.iommuc.dsl.model.MethodCall;
import org.iommuc.dsl.model.Name;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.model.Obligation;
import org.iommuc.dsl.model.ObligationCall;
import org.iommuc.dsl.model.Power;
import org.iommuc.dsl.model.ProtRule;
import org.iommuc.dsl.model.RegRef;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Removal;
import org.iommuc.dsl.model.RemovalKind;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Setting;
import org.iommuc.dsl.model.Shared;
import org.iommuc.dsl.model.Slice;
import org.iommuc.dsl.model.Step;
import org.iommuc.dsl.model.Text;
import org.iommuc.dsl.model.TranslationMode;
import org.iommuc.dsl.model.Unary;
import org.iommuc.dsl.model.UnaryOp;
import org.iommuc.dsl.model.Walk;
import org.iommuc.dsl.parser.IommuLexer;
import org.iommuc.dsl.resolve.Suggestions;
import org.iommuc.dsl.parser.IommuParser.*;
import org.iommuc.dsl.source.SourceFile;
import org.iommuc.dsl.source.Span;

/**
 * Turns one file's parse tree into model records. It runs only on a tree without syntax errors.
 * Words from closed sets (access kinds, fault kinds, walker kinds, ...) are checked here, so a
 * typo is reported as "unknown fault kind 'tranlation'" with its span.
 */
public final class ModelBuilder {

    private final SourceFile source;
    private final ParsedFile parsed;
    private final Diagnostics diagnostics;

    private ModelBuilder(ParsedFile parsed, Diagnostics diagnostics) {
        this.source = parsed.source();
        this.parsed = parsed;
        this.diagnostics = diagnostics;
    }

    /** The declarations of one file: its includes and its descriptions, as written. */
    public record FileDecl(SourceFile source, List<Text> includes, List<Description> descriptions) {}

    public static FileDecl build(ParsedFile parsed, Diagnostics diagnostics) {
        return new ModelBuilder(parsed, diagnostics).file(parsed.tree());
    }

    private FileDecl file(FileContext ctx) {
        List<Text> includes = new ArrayList<>();
        for (IncludeDeclContext include : ctx.includeDecl()) {
            includes.add(string(include.STRING().getSymbol()));
        }
        List<Description> descriptions = new ArrayList<>();
        for (IommuDeclContext iommu : ctx.iommuDecl()) {
            descriptions.add(description(iommu));
        }
        return new FileDecl(source, includes, descriptions);
    }

    // ---------------------------------------------------------------------------------------
    // Descriptions

    /** Collects the items of one description, reporting settings given twice. */
    private final class DescriptionParts {
        final List<Text> compatibles = new ArrayList<>();
        final List<Constant> constants = new ArrayList<>();
        final List<Register> registers = new ArrayList<>();
        final List<Format> formats = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
        final List<FaultHandler> faults = new ArrayList<>();
        final List<Interrupt> interrupts = new ArrayList<>();
        final List<Sequence> sequences = new ArrayList<>();
        final List<Obligation> obligations = new ArrayList<>();
        final List<Removal> removals = new ArrayList<>();
        final Map<String, Span> seen = new HashMap<>();
        Expr iova;
        Expr oa;
        Expr tableOa;
        Aperture aperture;
        Expr masters;
        Power power;
        Setting<TranslationMode> resetTranslation;
        org.iommuc.dsl.model.Bypass bypass;
        final List<org.iommuc.dsl.model.Buffer> buffers = new ArrayList<>();
        final List<org.iommuc.dsl.model.DtOption> options = new ArrayList<>();
        org.iommuc.dsl.model.Banks banks;
        Walk walk;
        Cache tlb;
        Cache walkCache;
        Span compatibleSpan;

        boolean once(String what, Span span) {
            Span first = seen.putIfAbsent(what, span);
            if (first == null) {
                return true;
            }
            diagnostics.error(Code.E0107, span, "'" + what + "' is given twice", new Note(first, "first given here"));
            return false;
        }
    }

    private Description description(IommuDeclContext ctx) {
        DescriptionParts parts = new DescriptionParts();
        for (ItemContext item : ctx.item()) {
            item(item, parts);
        }
        Optional<Ident> base = ctx.base == null ? Optional.empty() : Optional.of(ident(ctx.base));
        return new Description(ident(ctx.name), doc(ctx), base, parts.compatibles,
                Optional.ofNullable(parts.iova), Optional.ofNullable(parts.oa), Optional.ofNullable(parts.tableOa),
                Optional.ofNullable(parts.aperture), Optional.ofNullable(parts.masters),
                Optional.ofNullable(parts.power), Optional.ofNullable(parts.resetTranslation),
                Optional.ofNullable(parts.bypass), parts.constants,
                parts.buffers, parts.options, Optional.ofNullable(parts.banks), parts.registers, parts.formats,
                Optional.ofNullable(parts.walk), Optional.ofNullable(parts.tlb), Optional.ofNullable(parts.walkCache),
                parts.rules, parts.faults, parts.interrupts, parts.sequences, parts.obligations, parts.removals,
                span(ctx));
    }

    private void item(ItemContext ctx, DescriptionParts parts) {
        if (ctx.compatibleItem() != null) {
            if (parts.once("compatible", span(ctx))) {
                for (var s : ctx.compatibleItem().STRING()) {
                    parts.compatibles.add(string(s.getSymbol()));
                }
            }
        } else if (ctx.iovaItem() != null) {
            if (parts.once("iova", span(ctx))) {
                parts.iova = expr(ctx.iovaItem().expr());
            }
        } else if (ctx.oaItem() != null) {
            if (parts.once("oa", span(ctx))) {
                parts.oa = expr(ctx.oaItem().expr(0));
                parts.tableOa = ctx.oaItem().tableBits == null ? null : expr(ctx.oaItem().tableBits);
            }
        } else if (ctx.apertureItem() != null) {
            if (parts.once("aperture", span(ctx))) {
                ApertureItemContext a = ctx.apertureItem();
                parts.aperture = new Aperture(expr(a.first), expr(a.last), span(a));
            }
        } else if (ctx.mastersItem() != null) {
            if (parts.once("masters", span(ctx))) {
                parts.masters = expr(ctx.mastersItem().expr());
            }
        } else if (ctx.constItem() != null) {
            ConstItemContext c = ctx.constItem();
            parts.constants.add(new Constant(ident(c.ident()), expr(c.expr()), doc(ctx), span(c)));
        } else if (ctx.powerItem() != null) {
            if (parts.once("power", span(ctx))) {
                parts.power = power(ctx.powerItem());
            }
        } else if (ctx.translationItem() != null) {
            if (parts.once("translation", span(ctx))) {
                parts.resetTranslation = translationMode(ctx.translationItem().kind);
            }
        } else if (ctx.bypassItem() != null) {
            if (parts.once("bypass", span(ctx))) {
                BypassItemContext b = ctx.bypassItem();
                parts.bypass = new org.iommuc.dsl.model.Bypass(expr(b.expr()), doc(ctx), span(b));
            }
        } else if (ctx.bufferItem() != null) {
            BufferItemContext b = ctx.bufferItem();
            parts.buffers.add(new org.iommuc.dsl.model.Buffer(ident(b.ident()), expr(b.bytes),
                    Optional.ofNullable(b.alignment).map(this::expr), joinDoc(doc(ctx), b.STRING()), span(b.ident())));
        } else if (ctx.optionItem() != null) {
            OptionItemContext o = ctx.optionItem();
            parts.options.add(new org.iommuc.dsl.model.DtOption(ident(o.ident()), string(o.STRING().getSymbol()), doc(ctx),
                    span(o.ident())));
        } else if (ctx.banksItem() != null) {
            if (parts.once("banks", span(ctx.banksItem()))) {
                BanksItemContext b = ctx.banksItem();
                parts.banks = new org.iommuc.dsl.model.Banks(string(b.STRING().getSymbol()), doc(ctx), span(b));
            }
        } else if (ctx.registersBlock() != null) {
            registers(ctx.registersBlock(), parts.registers);
        } else if (ctx.formatDecl() != null) {
            parts.formats.add(format(ctx.formatDecl(), doc(ctx)));
        } else if (ctx.walkBlock() != null) {
            if (parts.once("walk", span(ctx.walkBlock().WALK().getSymbol()))) {
                parts.walk = walk(ctx.walkBlock());
            }
        } else if (ctx.cacheBlock() != null) {
            cache(ctx.cacheBlock(), parts);
        } else if (ctx.behaviourBlock() != null) {
            for (RuleDeclContext rule : ctx.behaviourBlock().ruleDecl()) {
                parts.rules.add(rule(rule));
            }
        } else if (ctx.faultDecl() != null) {
            parts.faults.add(fault(ctx.faultDecl()));
        } else if (ctx.interruptDecl() != null) {
            InterruptDeclContext i = ctx.interruptDecl();
            parts.interrupts.add(new Interrupt(ident(i.ident()), expr(i.expr()), doc(ctx), span(i)));
        } else if (ctx.sequenceDecl() != null) {
            parts.sequences.add(sequence(ctx.sequenceDecl(), doc(ctx)));
        } else if (ctx.obligationsBlock() != null) {
            for (ObligationContext o : ctx.obligationsBlock().obligation()) {
                parts.obligations.add(obligation(o));
            }
        } else if (ctx.removeItem() != null) {
            parts.removals.add(removal(ctx.removeItem()));
        }
    }

    private Setting<TranslationMode> translationMode(IdentContext word) {
        TranslationMode mode = TranslationMode.fromKeyword(word.getText());
        if (mode == null) {
            diagnostics.error(Code.E0105, span(word),
                    "unknown translation mode '" + word.getText() + "'; expected on, bypass or block");
            return null;
        }
        return new Setting<>(mode, span(word));
    }

    private Power power(PowerItemContext ctx) {
        List<Ident> registers = ctx.ALL() != null ? List.of() : names(ctx.names(0));
        List<Ident> except = ctx.except == null ? List.of() : names(ctx.except);
        return new Power(ctx.ALL() != null, registers, except, span(ctx));
    }

    private Removal removal(RemoveItemContext ctx) {
        RemovalKind kind = RemovalKind.fromKeyword(ctx.removeKind().getText());
        List<Ident> path = new ArrayList<>();
        if (ctx.path() != null) {
            for (IdentContext part : ctx.path().ident()) {
                path.add(ident(part));
            }
        }
        return new Removal(kind, path, span(ctx));
    }

    // ---------------------------------------------------------------------------------------
    // Registers

    private void registers(RegistersBlockContext ctx, List<Register> out) {
        Expr blockWidth = ctx.expr() == null ? null : expr(ctx.expr());
        for (RegisterDeclContext reg : ctx.registerDecl()) {
            out.add(register(reg, blockWidth));
        }
    }

    private Register register(RegisterDeclContext ctx, Expr blockWidth) {
        Map<String, Span> seen = new HashMap<>();
        Expr width = blockWidth != null ? blockWidth : new Num(32, Num.Unit.NONE, Span.NONE);
        Expr reset = null;
        Ident view = null;
        Ident clears = null;
        Expr value = null;
        for (RegisterOptionContext option : ctx.registerOption()) {
            String key = option instanceof RegisterValueContext ? "= ..." : option.getStart().getText();
            if (!onceIn(seen, key, span(option))) {
                continue;
            }
            if (option instanceof RegisterWidthContext w) {
                width = expr(w.expr());
            } else if (option instanceof RegisterResetContext r) {
                reset = expr(r.expr());
            } else if (option instanceof RegisterViewContext v) {
                view = ident(v.ident());
            } else if (option instanceof RegisterClearsContext c) {
                clears = ident(c.ident());
            } else if (option instanceof RegisterValueContext v) {
                value = expr(v.expr());
            }
        }
        RegisterBodyContext body = ctx.registerBody();
        List<Field> fields = new ArrayList<>();
        for (FieldDeclContext field : body.fieldDecl()) {
            fields.add(field(field));
        }
        List<EnumValue> values = body.enumBody() == null ? List.of() : enumValues(body.enumBody());
        String doc = joinDoc(doc(ctx), ctx.STRING());
        return new Register(ident(ctx.ident()),
                Optional.ofNullable(ctx.count).map(this::expr),
                expr(ctx.offset),
                Optional.ofNullable(ctx.stride).map(this::expr),
                access(ctx.access()), width,
                Optional.ofNullable(reset), Optional.ofNullable(view), Optional.ofNullable(clears),
                Optional.ofNullable(value), doc, fields, values, span(ctx.ident()).to(span(ctx.access())));
    }

    private Field field(FieldDeclContext ctx) {
        Optional<Setting<Access>> access = ctx.access() == null ? Optional.empty() : Optional.of(access(ctx.access()));
        Optional<Expr> reset = ctx.expr() == null ? Optional.empty() : Optional.of(expr(ctx.expr()));
        List<EnumValue> values = ctx.enumBody() == null ? List.of() : enumValues(ctx.enumBody());
        return new Field(ident(ctx.ident()), bits(ctx.bits()), access, reset, joinDoc(doc(ctx), ctx.STRING()),
                values, span(ctx.ident()).to(span(ctx.bits())));
    }

    private Setting<Access> access(AccessContext ctx) {
        return new Setting<>(Access.fromKeyword(ctx.getText()), span(ctx));
    }

    private List<EnumValue> enumValues(EnumBodyContext ctx) {
        List<EnumValue> values = new ArrayList<>();
        for (EnumValueContext v : ctx.enumValue()) {
            values.add(new EnumValue(ident(v.ident()), expr(v.expr()), joinDoc(doc(v), v.STRING()), span(v)));
        }
        return values;
    }

    private BitRange bits(BitsContext ctx) {
        int high = smallNumber(ctx.high);
        int low = ctx.low == null ? high : smallNumber(ctx.low);
        return new BitRange(high, low, span(ctx));
    }

    /** A bit number: large values are kept as out of range (checked later) rather than wrapped. */
    private int smallNumber(Token token) {
        long value = number(token);
        return value < 0 || value > 4096 ? 4096 : (int) value;
    }

    // ---------------------------------------------------------------------------------------
    // Formats

    private Format format(FormatDeclContext ctx, String doc) {
        Optional<Setting<Integer>> width = Optional.empty();
        if (ctx.entryType != null) {
            width = Optional.of(new Setting<>(entryWidth(ctx.entryType), span(ctx.entryType)));
        }
        List<EntryField> fields = new ArrayList<>();
        List<AddressField> addresses = new ArrayList<>();
        List<BitRange> reserved = new ArrayList<>();
        List<ProtRule> prot = new ArrayList<>();
        List<AllowRule> allows = new ArrayList<>();
        for (FormatMemberContext member : ctx.formatMember()) {
            if (member instanceof EntryFieldContext f) {
                fields.add(entryField(f));
            } else if (member instanceof AddressFieldContext a) {
                addresses.add(addressField(a));
            } else if (member instanceof ReservedBitsContext r) {
                for (BitsContext b : r.bits()) {
                    reserved.add(bits(b));
                }
            } else if (member instanceof ProtRuleContext p) {
                prot.add(protRule(p));
            } else if (member instanceof AllowRuleContext a) {
                Optional<Expr> condition = a.expr() == null ? Optional.empty() : Optional.of(expr(a.expr()));
                allows.add(new AllowRule(direction(a.direction()), condition, span(a)));
            }
        }
        return new Format(ident(ctx.ident(0)), width, fields, addresses, reserved, prot, allows, doc,
                span(ctx.ident(0)));
    }

    private int entryWidth(IdentContext ctx) {
        switch (ctx.getText()) {
            case "u8":
                return 8;
            case "u16":
                return 16;
            case "u32":
                return 32;
            case "u64":
                return 64;
            default:
                diagnostics.error(Code.E0300, span(ctx),
                        "unknown entry type '" + ctx.getText() + "'; expected u8, u16, u32 or u64");
                return 32;
        }
    }

    private EntryField entryField(EntryFieldContext ctx) {
        List<EnumValue> values = ctx.enumBody() == null ? List.of() : enumValues(ctx.enumBody());
        return new EntryField(ident(ctx.ident()), bits(ctx.bits()),
                Optional.ofNullable(ctx.tag).map(this::expr), Optional.ofNullable(ctx.dflt).map(this::expr),
                joinDoc(doc(ctx), ctx.STRING()), values, span(ctx.ident()).to(span(ctx.bits())));
    }

    private AddressField addressField(AddressFieldContext ctx) {
        List<Slice> slices = new ArrayList<>();
        for (SliceMapContext s : ctx.sliceMap()) {
            slices.add(new Slice(bits(s.entryBits), bits(s.addressBits), span(s)));
        }
        return new AddressField(ident(ctx.ident()), slices, ctx.UNMASKED() != null, doc(ctx), span(ctx));
    }

    private ProtRule protRule(ProtRuleContext ctx) {
        List<Direction> directions = new ArrayList<>();
        for (DirectionContext d : ctx.protSet().direction()) {
            Direction direction = direction(d);
            if (!directions.contains(direction)) {
                directions.add(direction);
            }
        }
        directions.sort(null);
        List<Assignment> assignments = new ArrayList<>();
        for (AssignmentContext a : ctx.assignment()) {
            assignments.add(new Assignment(ident(a.ident()), expr(a.expr()), span(a)));
        }
        return new ProtRule(directions, assignments, span(ctx));
    }

    private static Direction direction(DirectionContext ctx) {
        return ctx.READ() != null ? Direction.READ : Direction.WRITE;
    }

    // ---------------------------------------------------------------------------------------
    // Walk and caches

    private Walk walk(WalkBlockContext ctx) {
        Expr root = null;
        Setting<Coherency> walker = null;
        List<Level> levels = new ArrayList<>();
        List<EmptyRule> empties = new ArrayList<>();
        List<Shared> shared = new ArrayList<>();
        Map<String, Span> seen = new HashMap<>();
        for (WalkMemberContext member : ctx.walkMember()) {
            if (member instanceof WalkRootContext r) {
                if (onceIn(seen, "root", span(r))) {
                    root = expr(r.expr());
                }
            } else if (member instanceof WalkLevelContext l) {
                levels.add(level(l));
            } else if (member instanceof EmptyFaultContext e) {
                empties.add(new EmptyRule(Optional.ofNullable(e.level).map(this::ident),
                        Optional.ofNullable(e.field).map(this::ident), Optional.empty(), span(e)));
            } else if (member instanceof EmptyEntryContext e) {
                empties.add(new EmptyRule(Optional.of(ident(e.level)), Optional.empty(),
                        Optional.of(expr(e.expr())), span(e)));
            } else if (member instanceof WalkWalkerContext w) {
                if (onceIn(seen, "walker", span(w))) {
                    walker = walker(w.ident());
                }
            } else if (member instanceof WalkSharedContext s) {
                shared.add(shared(s));
            }
        }
        return new Walk(Optional.ofNullable(root), levels, empties, shared, Optional.ofNullable(walker),
                span(ctx.WALK().getSymbol()));
    }

    private Setting<Coherency> walker(IdentContext ctx) {
        Coherency coherency = Coherency.fromKeyword(ctx.getText());
        if (coherency == null) {
            diagnostics.error(Code.E0105, span(ctx),
                    "unknown walker kind '" + ctx.getText() + "'; expected coherent, noncoherent or uncached");
            return null;
        }
        return new Setting<>(coherency, span(ctx));
    }

    private Level level(WalkLevelContext ctx) {
        Optional<BitRange> indexBits = Optional.empty();
        Optional<Setting<Long>> fixed = Optional.empty();
        LevelIndexContext index = ctx.levelIndex();
        if (index.bits() != null) {
            indexBits = Optional.of(bits(index.bits()));
        } else {
            fixed = Optional.of(new Setting<>(number(index.NUMBER().getSymbol()), span(index)));
        }
        Expr size = null;
        Expr align = null;
        Map<String, Span> seen = new HashMap<>();
        for (LevelOptionContext option : ctx.levelOption()) {
            if (!onceIn(seen, option.getStart().getText(), span(option))) {
                continue;
            }
            if (option instanceof LevelSizeContext s) {
                size = expr(s.expr());
            } else if (option instanceof LevelAlignContext a) {
                align = expr(a.expr());
            }
        }
        List<EntryKind> kinds = new ArrayList<>();
        for (EntryKindContext kind : ctx.entryKind()) {
            kinds.add(entryKind(kind));
        }
        return new Level(ident(ctx.ident()), indexBits, fixed, Optional.ofNullable(size), Optional.ofNullable(align),
                kinds, doc(ctx), span(ctx.ident()));
    }

    private EntryKind entryKind(EntryKindContext ctx) {
        if (ctx instanceof TableKindContext t) {
            return new EntryKind(ident(t.ident()), false, Optional.empty(), Optional.empty(), span(t));
        }
        LeafKindContext leaf = (LeafKindContext) ctx;
        Optional<Setting<Integer>> contiguous = Optional.empty();
        if (leaf.NUMBER() != null) {
            long count = number(leaf.NUMBER().getSymbol());
            contiguous = Optional.of(new Setting<>((int) Math.min(count, Integer.MAX_VALUE), span(leaf.NUMBER().getSymbol())));
        }
        return new EntryKind(ident(leaf.ident()), true,
                Optional.of(new Setting<>(size(leaf.size()), span(leaf.size()))), contiguous, span(leaf));
    }

    private Shared shared(WalkSharedContext ctx) {
        SharedKindContext kind = ctx.sharedKind();
        if (kind.PAGE() != null) {
            return new Shared(ident(ctx.ident()), Optional.of(new Setting<>(size(kind.size()), span(kind.size()))),
                    Optional.empty(), span(ctx));
        }
        return new Shared(ident(ctx.ident()), Optional.empty(), Optional.of(ident(kind.ident())), span(ctx));
    }

    private long size(SizeContext ctx) {
        Token token = ctx.getStart();
        return token.getType() == IommuLexer.SIZE_LITERAL ? sizeLiteral(token) : number(token);
    }

    private void cache(CacheBlockContext ctx, DescriptionParts parts) {
        CacheKind kind = ctx.TLB() != null ? CacheKind.TLB : CacheKind.WALK_CACHE;
        if (!parts.once(kind.keyword(), span(ctx.getStart()))) {
            return;
        }
        List<Ident> contents = new ArrayList<>();
        List<Ident> tags = new ArrayList<>();
        Expr line = null;
        Expr capacity = null;
        Map<String, Span> seen = new HashMap<>();
        for (CacheMemberContext member : ctx.cacheMember()) {
            if (!onceIn(seen, member.getStart().getText(), span(member))) {
                continue;
            }
            if (member instanceof CacheContentsContext c) {
                contents.addAll(names(c.names()));
            } else if (member instanceof CacheLineContext l) {
                line = expr(l.expr());
            } else if (member instanceof CacheCapacityContext c) {
                capacity = expr(c.expr());
            } else if (member instanceof CacheTagsContext t) {
                tags.addAll(names(t.names()));
            }
        }
        Cache cache = new Cache(kind, contents, Optional.ofNullable(line), Optional.ofNullable(capacity), tags,
                span(ctx.getStart()));
        if (kind == CacheKind.TLB) {
            parts.tlb = cache;
        } else {
            parts.walkCache = cache;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Behaviour and faults

    private Rule rule(RuleDeclContext ctx) {
        Optional<BinaryOp> compare = ctx.compare == null ? Optional.empty()
                : Optional.of(BinaryOp.fromSymbol(ctx.compare.getText()));
        return new Rule(direction(ctx.direction()), regRef(ctx.regRef()), compare,
                Optional.ofNullable(ctx.value).map(this::expr), Optional.ofNullable(ctx.guard).map(this::expr),
                effects(ctx.effectBlock()), span(ctx.ON().getSymbol()).to(span(ctx.regRef())));
    }

    private List<Effect> effects(EffectBlockContext ctx) {
        List<Effect> effects = new ArrayList<>();
        for (EffectContext effect : ctx.effect()) {
            effects.add(effect(effect));
        }
        return effects;
    }

    private Effect effect(EffectContext ctx) {
        Span span = span(ctx);
        if (ctx instanceof TranslationEffectContext t) {
            TranslationMode mode = TranslationMode.fromKeyword(t.kind.getText());
            if (mode == null) {
                diagnostics.error(Code.E0105, span(t.kind),
                        "unknown translation mode '" + t.kind.getText() + "'; expected on, bypass or block");
                return new Effect.Invalid(Optional.of(t.kind.getText()), span);
            }
            return new Effect.Translation(mode, span);
        }
        if (ctx instanceof StallEffectContext s) {
            return new Effect.Stall(s.ON() != null, span);
        }
        if (ctx instanceof InvalidateEffectContext i) {
            return invalidate(i, span);
        }
        if (ctx instanceof ResetEffectContext) {
            return new Effect.Reset(span);
        }
        if (ctx instanceof FaultEffectContext f) {
            return new Effect.FaultDone(f.RESUME() != null, span);
        }
        if (ctx instanceof StallActionContext) {
            return new Effect.FaultAction(true, span);
        }
        if (ctx instanceof AbortActionContext) {
            return new Effect.FaultAction(false, span);
        }
        if (ctx instanceof RedirectActionContext r) {
            return new Effect.Redirect(expr(r.expr()), span);
        }
        if (ctx instanceof AssignEffectContext a) {
            return new Effect.Assign(regRef(a.regRef()), expr(a.expr()), span);
        }
        IfEffectContext i = (IfEffectContext) ctx;
        List<Effect> otherwise = new ArrayList<>();
        if (i.ELSE() != null) {
            if (i.effectBlock().size() > 1) {
                otherwise = effects(i.effectBlock(1));
            } else {
                otherwise.add(effect(i.elseIf));
            }
        }
        return new Effect.If(expr(i.expr()), effects(i.effectBlock(0)), otherwise,
                span(i.IF().getSymbol()).to(span(i.expr())));
    }

    private Effect invalidate(InvalidateEffectContext ctx, Span span) {
        CacheKind cache = ctx.cache.getType() == IommuLexer.TLB ? CacheKind.TLB : CacheKind.WALK_CACHE;
        InvalidateScopeContext scope = ctx.invalidateScope();
        if (scope.ALL() != null) {
            return new Effect.Invalidate(cache, InvalidateScope.ALL, List.of(), span);
        }
        String word = scope.ident().getText();
        InvalidateScope kind = InvalidateScope.fromKeyword(word);
        List<Expr> args = new ArrayList<>();
        for (ExprContext e : scope.expr()) {
            args.add(expr(e));
        }
        if (kind == null || kind == InvalidateScope.ALL) {
            diagnostics.error(Code.E0506, span(scope.ident()), "unknown invalidation '" + word
                    + "'; expected all, page(iova), range(first, last), masked(iova, mask) or master(id)");
            return new Effect.Invalid(Optional.of(word), span);
        }
        if (args.size() != kind.arity()) {
            diagnostics.error(Code.E0506, span(scope), "'" + word + "' takes " + kind.arity()
                    + (kind.arity() == 1 ? " argument" : " arguments") + ", not " + args.size());
            return new Effect.Invalid(Optional.of(word), span);
        }
        return new Effect.Invalidate(cache, kind, args, span);
    }

    private FaultHandler fault(FaultDeclContext ctx) {
        List<Setting<FaultKind>> kinds = new ArrayList<>();
        for (Ident word : names(ctx.names(0))) {
            FaultKind kind = FaultKind.fromKeyword(word.text());
            if (kind == null) {
                List<String> known = java.util.Arrays.stream(FaultKind.values()).map(FaultKind::keyword).toList();
                diagnostics.error(Code.E0105, word.span(), "unknown fault kind '" + word.text() + "'; expected "
                        + String.join(", ", known.subList(0, known.size() - 1)) + " or " + known.get(known.size() - 1)
                        + Suggestions.hint(word.text(), known));
            } else {
                kinds.add(new Setting<>(kind, word.span()));
            }
        }
        List<Ident> levels = ctx.levels == null ? List.of() : names(ctx.levels);
        return new FaultHandler(kinds, levels, Optional.ofNullable(ctx.expr()).map(this::expr),
                effects(ctx.effectBlock()), span(ctx.FAULT().getSymbol()).to(span(ctx.names(0))));
    }

    private RegRef regRef(RegRefContext ctx) {
        List<IdentContext> idents = ctx.ident();
        Optional<Ident> field = idents.size() > 1 ? Optional.of(ident(idents.get(1))) : Optional.empty();
        return new RegRef(ident(idents.get(0)), Optional.ofNullable(ctx.expr()).map(this::expr), field, span(ctx));
    }

    // ---------------------------------------------------------------------------------------
    // Sequences and obligations

    private Sequence sequence(SequenceDeclContext ctx, String doc) {
        List<Ident> params = ctx.names() == null ? List.of() : names(ctx.names());
        return new Sequence(ident(ctx.ident()), params, steps(ctx.stepBlock()), doc, span(ctx.ident()));
    }

    private List<Step> steps(StepBlockContext ctx) {
        List<Step> steps = new ArrayList<>();
        for (StepContext step : ctx.step()) {
            steps.add(step(step));
        }
        return steps;
    }

    private Step step(StepContext ctx) {
        Span span = span(ctx);
        if (ctx instanceof WriteStepContext w) {
            return new Step.Write(regRef(w.regRef()), expr(w.expr()), false, span);
        }
        if (ctx instanceof ModifyStepContext m) {
            return new Step.Write(regRef(m.regRef()), expr(m.expr()), true, span);
        }
        if (ctx instanceof PollStepContext p) {
            Optional<List<Step>> otherwise = p.stepBlock() == null ? Optional.empty() : Optional.of(steps(p.stepBlock()));
            return new Step.Poll(expr(p.expr(0)), expr(p.period), expr(p.timeout), otherwise,
                    span(p.POLL().getSymbol()).to(span(p.timeout)));
        }
        if (ctx instanceof ExpectStepContext e) {
            Optional<Text> message = e.STRING() == null ? Optional.empty() : Optional.of(string(e.STRING().getSymbol()));
            return new Step.Expect(expr(e.expr()), message, span);
        }
        if (ctx instanceof LetStepContext l) {
            return new Step.Let(ident(l.ident()), expr(l.expr()), span);
        }
        if (ctx instanceof CallStepContext c) {
            List<Expr> args = new ArrayList<>();
            for (ExprContext e : c.expr()) {
                args.add(expr(e));
            }
            if (c.stepBlock() != null) {
                return new Step.Call(ident(c.ident()), args, Optional.of(steps(c.stepBlock())),
                        span(c.CALL().getSymbol()).to(c.RPAREN() != null ? span(c.RPAREN().getSymbol()) : span(c.ident())));
            }
            return new Step.Call(ident(c.ident()), args, span);
        }
        if (ctx instanceof DelayStepContext d) {
            return new Step.Delay(expr(d.expr()), span);
        }
        if (ctx instanceof ReportStepContext r) {
            List<Arg> args = new ArrayList<>();
            for (ArgContext a : r.arg()) {
                args.add(arg(a));
            }
            return new Step.Report(args, span);
        }
        if (ctx instanceof FailStepContext f) {
            return new Step.Fail(Optional.ofNullable(f.STRING()).map(s -> string(s.getSymbol())), span);
        }
        if (ctx instanceof SaveStepContext save) {
            return new Step.Save(names(save.names()), span);
        }
        if (ctx instanceof RestoreStepContext restore) {
            return new Step.Restore(names(restore.names()), span);
        }
        if (ctx instanceof ReturnStepContext) {
            return new Step.Return(span);
        }
        if (ctx instanceof ForBanksStepContext f) {
            return new Step.ForBanks(ident(f.ident()), steps(f.stepBlock()),
                    span(f.FOR().getSymbol()).to(span(f.BANKS().getSymbol())));
        }
        if (ctx instanceof ForStepContext f) {
            Optional<Expr> by = f.by == null ? Optional.empty() : Optional.of(expr(f.by));
            return new Step.For(ident(f.ident()), expr(f.first), expr(f.last), by, steps(f.stepBlock()),
                    span(f.FOR().getSymbol()).to(span(f.by != null ? f.by : f.last)));
        }
        IfStepContext i = (IfStepContext) ctx;
        List<Step> otherwise = new ArrayList<>();
        if (i.ELSE() != null) {
            if (i.stepBlock().size() > 1) {
                otherwise = steps(i.stepBlock(1));
            } else {
                otherwise.add(step(i.elseIf));
            }
        }
        return new Step.If(expr(i.expr()), steps(i.stepBlock(0)), otherwise,
                span(i.IF().getSymbol()).to(span(i.expr())));
    }

    private Obligation obligation(ObligationContext ctx) {
        List<ObligationCall> calls = new ArrayList<>();
        for (ObligationCallContext call : ctx.obligationCall()) {
            List<Expr> args = new ArrayList<>();
            for (ExprContext e : call.expr()) {
                args.add(expr(e));
            }
            calls.add(new ObligationCall(ident(call.ident()), args, span(call)));
        }
        return new Obligation(ident(ctx.event), Optional.ofNullable(ctx.level).map(this::ident), calls, span(ctx));
    }

    // ---------------------------------------------------------------------------------------
    // Expressions

    private Expr expr(ExprContext ctx) {
        Span span = span(ctx);
        if (ctx instanceof PrimaryExprContext p) {
            return primary(p.primary());
        }
        if (ctx instanceof MemberExprContext m) {
            return new Member(expr(m.expr()), ident(m.ident()), span);
        }
        if (ctx instanceof MethodExprContext m) {
            List<Arg> args = new ArrayList<>();
            for (ArgContext a : m.arg()) {
                args.add(arg(a));
            }
            return new MethodCall(expr(m.expr()), ident(m.ident()), args, span);
        }
        if (ctx instanceof IndexExprContext i) {
            return new Index(expr(i.expr(0)), expr(i.expr(1)), span);
        }
        if (ctx instanceof UnaryExprContext u) {
            return new Unary(unaryOp(u.op), expr(u.expr()), span);
        }
        if (ctx instanceof BinaryExprContext b) {
            return new Binary(BinaryOp.fromSymbol(b.op.getText()), expr(b.expr(0)), expr(b.expr(1)), span);
        }
        ConditionalExprContext c = (ConditionalExprContext) ctx;
        return new Conditional(expr(c.expr(0)), expr(c.expr(1)), expr(c.expr(2)), span);
    }

    private static UnaryOp unaryOp(Token op) {
        switch (op.getType()) {
            case IommuLexer.NOT:
                return UnaryOp.NOT;
            case IommuLexer.TILDE:
                return UnaryOp.BIT_NOT;
            default:
                return UnaryOp.NEGATE;
        }
    }

    private Expr primary(PrimaryContext ctx) {
        Span span = span(ctx);
        if (ctx instanceof NumberLiteralContext n) {
            return new Num(number(n.NUMBER().getSymbol()), Num.Unit.NONE, span);
        }
        if (ctx instanceof SizeLiteralContext s) {
            return new Num(sizeLiteral(s.SIZE_LITERAL().getSymbol()), Num.Unit.BYTES, span);
        }
        if (ctx instanceof TimeLiteralContext t) {
            return new Num(timeLiteral(t.TIME_LITERAL().getSymbol()), Num.Unit.NANOS, span);
        }
        if (ctx instanceof CallExprContext c) {
            List<Arg> args = new ArrayList<>();
            for (ArgContext a : c.arg()) {
                args.add(arg(a));
            }
            return new Call(ident(c.ident()), args, span);
        }
        if (ctx instanceof NameExprContext n) {
            return new Name(ident(n.ident()));
        }
        return expr(((ParenExprContext) ctx).expr());
    }

    private Arg arg(ArgContext ctx) {
        return new Arg(Optional.ofNullable(ctx.ident()).map(this::ident), expr(ctx.expr()), span(ctx));
    }

    // ---------------------------------------------------------------------------------------
    // Literals

    private long number(Token token) {
        String text = token.getText().replace("_", "").toLowerCase(Locale.ROOT);
        int radix = 10;
        if (text.startsWith("0x")) {
            radix = 16;
            text = text.substring(2);
        } else if (text.startsWith("0b")) {
            radix = 2;
            text = text.substring(2);
        }
        BigInteger value = tooManyDigits(text, radix) ? null : new BigInteger(text, radix);
        if (value == null || value.bitLength() > 64) {
            diagnostics.error(Code.E0007, span(token), "number " + abbreviated(token) + " does not fit in 64 bits");
            return 0;
        }
        return value.longValue();
    }

    /**
     * True when digits (without underscores) cannot fit in 64 bits whatever they are. It spares
     * parsing a huge literal, which costs time quadratic in its length.
     */
    private static boolean tooManyDigits(String digits, int radix) {
        int significant = digits.length();
        for (int i = 0; i < digits.length() - 1 && digits.charAt(i) == '0'; i++) {
            significant--;
        }
        int most = radix == 16 ? 16 : radix == 2 ? 64 : 20;
        return significant > most;
    }

    /** A literal as quoted in a message: a very long one is cut short. */
    private static String abbreviated(Token token) {
        String text = token.getText();
        return text.length() <= 40 ? text : text.substring(0, 30) + "... (" + text.length() + " characters)";
    }

    private long sizeLiteral(Token token) {
        String text = token.getText().replace("_", "");
        int shift;
        switch (text.charAt(text.length() - 1)) {
            case 'K':
                shift = 10;
                break;
            case 'M':
                shift = 20;
                break;
            case 'G':
                shift = 30;
                break;
            default:
                shift = 40;
                break;
        }
        return scaled(token, text.substring(0, text.length() - 1), BigInteger.ONE.shiftLeft(shift));
    }

    private long timeLiteral(Token token) {
        String text = token.getText().replace("_", "");
        long unit;
        int digits;
        if (text.endsWith("ns")) {
            unit = 1;
            digits = text.length() - 2;
        } else if (text.endsWith("us")) {
            unit = 1_000;
            digits = text.length() - 2;
        } else if (text.endsWith("ms")) {
            unit = 1_000_000;
            digits = text.length() - 2;
        } else {
            unit = 1_000_000_000;
            digits = text.length() - 1;
        }
        return scaled(token, text.substring(0, digits), BigInteger.valueOf(unit));
    }

    private long scaled(Token token, String digits, BigInteger unit) {
        BigInteger result = tooManyDigits(digits, 10) ? null : new BigInteger(digits).multiply(unit);
        if (result == null || result.bitLength() > 63) {
            diagnostics.error(Code.E0007, span(token), abbreviated(token) + " does not fit in 64 bits");
            return 0;
        }
        return result.longValue();
    }

    private Text string(Token token) {
        String raw = token.getText();
        String body = raw.substring(1, raw.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char escaped = body.charAt(++i);
            out.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
        }
        return new Text(out.toString(), span(token));
    }

    // ---------------------------------------------------------------------------------------
    // Helpers

    private List<Ident> names(NamesContext ctx) {
        List<Ident> names = new ArrayList<>();
        for (IdentContext i : ctx.ident()) {
            names.add(ident(i));
        }
        return names;
    }

    private Ident ident(IdentContext ctx) {
        return new Ident(ctx.getText(), span(ctx));
    }

    private boolean onceIn(Map<String, Span> seen, String key, Span span) {
        Span first = seen.putIfAbsent(key, span);
        if (first == null) {
            return true;
        }
        diagnostics.error(Code.E0107, span, "'" + key + "' is given twice", new Note(first, "first given here"));
        return false;
    }

    /** The {@code ///} lines just before a construct, without the slashes. */
    private String doc(ParserRuleContext ctx) {
        List<Token> hidden = parsed.tokens().getHiddenTokensToLeft(ctx.getStart().getTokenIndex(), ParsedFile.DOC_CHANNEL);
        if (hidden == null) {
            return "";
        }
        StringBuilder doc = new StringBuilder();
        for (Token token : hidden) {
            String line = token.getText().substring(3);
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            if (doc.length() > 0) {
                doc.append('\n');
            }
            doc.append(line.stripTrailing());
        }
        return doc.toString();
    }

    private String joinDoc(String doc, org.antlr.v4.runtime.tree.TerminalNode summary) {
        if (summary == null) {
            return doc;
        }
        String text = string(summary.getSymbol()).value();
        return doc.isEmpty() ? text : doc + "\n" + text;
    }

    private Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        int end = stop == null || stop.getStopIndex() < start.getStartIndex()
                ? start.getStopIndex() + 1 : stop.getStopIndex() + 1;
        return source.span(start.getStartIndex(), end);
    }

    private Span span(Token token) {
        return Parsing.span(source, token);
    }
}
