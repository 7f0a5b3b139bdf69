package com.caseflow.routing.classification.domain;

import com.caseflow.events.cases.Complexity;
import com.caseflow.events.cases.Priority;
import com.caseflow.events.contact.CallerType;
import com.caseflow.events.contact.ContactCategory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Complexity, priority and subjects from the agent's category, the caller type and the customer's words, read with
 * context rather than as a bare word list:
 * <ul>
 *   <li>words come in named groups of synonyms and callers' phrasings, and a signal needs all of its groups
 *       (电梯 + 被困 is an emergency, 电梯 alone is not);</li>
 *   <li>one-character words (困, 砸, 淹) and numbers (12345) count only as whole words of the segmented text, so
 *       困难, 火锅 and a phone number containing 12345 do not;</li>
 *   <li>benign phrases cancel the risk words they overlap (燃气费, 打不着火, 电梯卡), matched as whole words so that
 *       电梯卡住 stays a lift that is stuck;</li>
 *   <li>a negator up to three words before a word denies it (没人受伤, 没闻到煤气味); a worry or past marker earlier in
 *       the clause (万一, 之前) lowers what the signal asks for one step;</li>
 *   <li>a signal may ask for its words close together ({@code within} characters), so a gas stove in one sentence and
 *       a smell of burnt food in another are not a gas leak;</li>
 *   <li>a risk word typed with a same-sounding character (然气, 电体) counts as the word, unless what was typed is
 *       ordinary language (保管 is not 爆管, 往上 is not 网上) or lies inside a longer word (天然气).</li>
 * </ul>
 * Everything it concludes is written out in {@link Classification#reasons()}.
 */
public final class Classifier {

    private static final int NEGATION_REACH = 3;
    private static final int HEDGE_REACH = 8;
    /** Function characters: a word containing one is not matched by sound (烟了 is not 淹了). */
    private static final String PARTICLES = "了的着过吗呢啊吧嘛呀得地";

    private final Lexicon lexicon;
    private final TextAnalyzer analyzer;
    private final List<Word> words = new ArrayList<>();
    private final Map<String, List<Word>> wordsByFirstSound = new HashMap<>();
    private final List<String> benignPhrases = new ArrayList<>();
    private final Map<String, String> benignWhy = new HashMap<>();
    private final Set<String> negators = new LinkedHashSet<>();
    private final Set<String> hedges = new LinkedHashSet<>();

    /** A word of a term, normalised as the text will be. */
    private record Word(String term, String word, List<String> sounds, boolean whole) {
    }

    /** Where a word of a term was found; {@code typed} differs from {@code word} for a typo. */
    private static final class Hit {
        final Word word;
        final int start;
        final int end;
        final String typed;
        boolean cancelled;
        boolean negated;
        boolean hedged;

        Hit(Word word, int start, int end, String typed) {
            this.word = word;
            this.start = start;
            this.end = end;
            this.typed = typed;
        }
    }

    public Classifier(Lexicon lexicon, TextAnalyzer analyzer) {
        List<String> problems = lexicon.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the lexicon cannot be used: " + String.join("; ", problems));
        }
        this.lexicon = lexicon;
        this.analyzer = analyzer;
        Set<String> riskTerms = new java.util.HashSet<>();
        lexicon.signals().stream().filter(signal -> signal.priority() != null)
                .forEach(signal -> riskTerms.addAll(signal.all()));
        lexicon.terms().forEach((term, list) -> list.forEach(raw -> {
            String word = normalised(raw);
            if (word.isEmpty()) {
                return;
            }
            boolean whole = word.length() == 1 || !isChinese(word);
            Word w = new Word(term, word, analyzer.pinyin(word), whole);
            words.add(w);
            boolean soundsAlike = w.sounds().stream().allMatch(sound -> sound != null)
                    && word.chars().noneMatch(c -> PARTICLES.indexOf(c) >= 0);
            if (!whole && soundsAlike && riskTerms.contains(term)) {
                wordsByFirstSound.computeIfAbsent(w.sounds().get(0), k -> new ArrayList<>()).add(w);
            }
        }));
        for (Lexicon.Benign benign : lexicon.benign()) {
            for (String phrase : benign.phrases()) {
                String p = normalised(phrase);
                benignPhrases.add(p);
                benignWhy.putIfAbsent(p, benign.why());
            }
        }
        lexicon.negators().forEach(n -> negators.add(normalised(n)));
        lexicon.hedges().forEach(h -> hedges.add(normalised(h)));
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public Classification classify(ContactCategory category, CallerType callerType, String matter) {
        TextAnalyzer.Analyzed text = analyzer.analyze(matter == null ? "" : matter);
        Layout layout = new Layout(text);
        List<String> notes = new ArrayList<>();
        List<Hit> hits = find(text, layout, notes);
        cancelBenign(text.text(), layout, hits, notes);
        markContext(text, layout, hits, notes);

        Priority priority = category == null ? Priority.NORMAL
                : lexicon.basePriority().getOrDefault(category, Priority.NORMAL);
        List<String> reasons = new ArrayList<>();
        if (priority != Priority.NORMAL) {
            reasons.add(priority + " 类别 " + category.labelZh() + " (" + category + ") 的起点");
        }
        boolean complex = category == null || !lexicon.generalCategories().contains(category);
        List<Classification.Finding> findings = new ArrayList<>();
        Set<String> matched = new LinkedHashSet<>();
        for (Lexicon.Signal signal : lexicon.signals()) {
            Classification.Finding finding = fire(signal, category, callerType, hits);
            if (finding == null) {
                continue;
            }
            findings.add(finding);
            matched.addAll(finding.words());
            complex |= signal.makesComplex();
            if (finding.priority() != null) {
                priority = priority.atLeast(finding.priority());
            }
            reasons.add((finding.priority() == null ? "topic " + finding.topic() : finding.priority()
                    + (finding.hedged() ? " (" + signal.priority() + " lowered: a worry or past event)" : ""))
                    + " " + finding.label() + " [" + finding.signal() + "]: " + String.join(" + ", finding.words()));
        }
        reasons.addAll(notes);
        return new Classification(complex ? Complexity.COMPLEX : Complexity.GENERAL, priority, List.copyOf(matched),
                findings, reasons);
    }

    private Classification.Finding fire(Lexicon.Signal signal, ContactCategory category, CallerType callerType,
                                        List<Hit> hits) {
        if (!signal.categories().isEmpty() && (category == null || !signal.categories().contains(category))) {
            return null;
        }
        if (!signal.callerTypes().isEmpty() && callerType != null && !signal.callerTypes().contains(callerType)) {
            return null;
        }
        Map<String, List<Hit>> live = new LinkedHashMap<>();
        for (String term : signal.all()) {
            List<Hit> found = hits.stream().filter(h -> h.word.term().equals(term) && !h.cancelled && !h.negated)
                    .toList();
            if (found.isEmpty()) {
                return null;
            }
            live.put(term, found);
        }
        for (String term : signal.unless()) {
            if (hits.stream().anyMatch(h -> h.word.term().equals(term) && !h.cancelled && !h.negated)) {
                return null;
            }
        }
        if (signal.within() != null && !together(new ArrayList<>(live.values()), signal.within())) {
            return null;
        }
        boolean hedged = live.values().stream().anyMatch(found -> found.stream().allMatch(h -> h.hedged));
        Priority priority = signal.priority();
        if (priority != null && hedged) {
            priority = priority == Priority.URGENT ? Priority.HIGH : Priority.NORMAL;
        }
        Set<String> words = new LinkedHashSet<>();
        live.values().forEach(found -> found.forEach(h -> words.add(h.word.word())));
        return new Classification.Finding(signal.id(), signal.label(), signal.topic(), priority, List.copyOf(words),
                hedged);
    }

    /** Some hit of the first term has a hit of every other term within {@code reach} characters. */
    private static boolean together(List<List<Hit>> terms, int reach) {
        for (Hit anchor : terms.get(0)) {
            boolean all = true;
            for (List<Hit> other : terms.subList(1, terms.size())) {
                all &= other.stream().anyMatch(h -> Math.abs(h.start - anchor.start) <= reach);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private List<Hit> find(TextAnalyzer.Analyzed text, Layout layout, List<String> notes) {
        String s = text.text();
        List<Hit> hits = new ArrayList<>();
        for (Word w : words) {
            for (int at = s.indexOf(w.word()); at >= 0; at = s.indexOf(w.word(), at + 1)) {
                int end = at + w.word().length();
                if (!w.whole() || layout.aligned(at, end)) {
                    hits.add(new Hit(w, at, end, w.word()));
                }
            }
        }
        List<Hit> exact = List.copyOf(hits);
        Set<String> typos = new LinkedHashSet<>();
        List<String> sounds = text.pinyin();
        for (int at = 0; at < s.length(); at++) {
            List<Word> candidates = sounds.get(at) == null ? null : wordsByFirstSound.get(sounds.get(at));
            if (candidates == null) {
                continue;
            }
            for (Word w : candidates) {
                int end = at + w.word().length();
                if (end > s.length() || !w.sounds().equals(sounds.subList(at, end))) {
                    continue;
                }
                String typed = s.substring(at, end);
                int from = at;
                if (typed.equals(w.word()) || !sharesACharacter(typed, w.word()) || !isChinese(typed)
                        || typed.chars().anyMatch(c -> PARTICLES.indexOf(c) >= 0)
                        || exact.stream().anyMatch(h -> h.start <= from && end <= h.end)
                        || layout.insideALongerWord(from, end) || analyzer.isOrdinary(typed)) {
                    continue;
                }
                hits.add(new Hit(w, at, end, typed));
                typos.add("typo: " + typed + " ≈ " + w.word());
            }
        }
        notes.addAll(typos);
        return hits;
    }

    /**
     * A benign phrase cancels the risk words inside it or overlapping it. When a risk word reads across its edge
     * (电梯卡 in 电梯卡在里面), the text can be read either way and the benign reading is not taken: a false alarm
     * costs a call, a missed emergency costs more. A word of a term that is the phrase itself stays.
     */
    private void cancelBenign(String s, Layout layout, List<Hit> hits, List<String> notes) {
        Set<String> said = new LinkedHashSet<>();
        for (String phrase : benignPhrases) {
            for (int at = s.indexOf(phrase); at >= 0; at = s.indexOf(phrase, at + 1)) {
                int start = at;
                int end = at + phrase.length();
                if (!layout.aligned(start, end)) {
                    continue;
                }
                List<Hit> inside = new ArrayList<>();
                Hit across = null;
                for (Hit h : hits) {
                    if (h.start < end && start < h.end && !(h.start == start && h.end == end)) {
                        if (h.start < start || h.end > end) {
                            across = h;
                        } else {
                            inside.add(h);
                        }
                    }
                }
                if (across != null) {
                    said.add("not benign: " + across.typed + " reads across " + phrase);
                    continue;
                }
                String why = benignWhy.get(phrase);
                for (Hit h : inside) {
                    if (!h.cancelled) {
                        h.cancelled = true;
                        said.add("benign: " + phrase + " cancels " + h.typed + (why == null ? "" : " (" + why + ")"));
                    }
                }
            }
        }
        notes.addAll(said);
    }

    private void markContext(TextAnalyzer.Analyzed text, Layout layout, List<Hit> hits, List<String> notes) {
        Set<String> said = new LinkedHashSet<>();
        List<TextAnalyzer.Token> tokens = text.tokens();
        for (Hit h : hits) {
            if (h.cancelled) {
                continue;
            }
            int first = layout.tokenAt(h.start);
            int clause = layout.clauseOf(h.start);
            int seen = 0;
            for (int i = first - 1; i >= 0 && seen < HEDGE_REACH; i--) {
                TextAnalyzer.Token t = tokens.get(i);
                if (t.word().isBlank()) {
                    continue;
                }
                if (layout.clauseOf(t.start()) != clause) {
                    break;
                }
                seen++;
                if (seen <= NEGATION_REACH && negators.contains(t.word())) {
                    h.negated = true;
                    said.add("negated: " + t.word() + " … " + h.typed);
                    break;
                }
                if (hedges.contains(t.word())) {
                    h.hedged = true;
                    said.add("worry or past: " + t.word() + " … " + h.typed);
                    break;
                }
            }
        }
        notes.addAll(said);
    }

    private String normalised(String word) {
        return word == null ? "" : analyzer.analyze(word.strip()).text();
    }

    private static boolean sharesACharacter(String a, String b) {
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) == b.charAt(i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isChinese(String word) {
        return word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Word boundaries and clauses of the text, by character. */
    private static final class Layout {
        private final boolean[] starts;
        private final boolean[] ends;
        private final int[] tokenAt;
        private final int[] clause;

        Layout(TextAnalyzer.Analyzed text) {
            int n = text.text().length();
            starts = new boolean[n + 1];
            ends = new boolean[n + 1];
            tokenAt = new int[n + 1];
            clause = new int[n + 1];
            List<TextAnalyzer.Token> tokens = text.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                TextAnalyzer.Token t = tokens.get(i);
                starts[t.start()] = true;
                ends[t.end()] = true;
                for (int c = t.start(); c < t.end(); c++) {
                    tokenAt[c] = i;
                }
            }
            int current = 0;
            for (int c = 0; c < n; c++) {
                if (isBreak(text.text().charAt(c))) {
                    current++;
                }
                clause[c] = current;
            }
            clause[n] = current;
        }

        boolean aligned(int start, int end) {
            return starts[start] && ends[end];
        }

        /** {@code [start, end)} lies inside one word of the text that is longer than it. */
        boolean insideALongerWord(int start, int end) {
            return tokenAt[start] == tokenAt[end - 1] && !aligned(start, end);
        }

        int tokenAt(int position) {
            return tokenAt[position];
        }

        int clauseOf(int position) {
            return clause[position];
        }

        private static boolean isBreak(char c) {
            return Character.isWhitespace(c) || "，,。.！!？?；;：:、…~".indexOf(c) >= 0;
        }
    }
}
