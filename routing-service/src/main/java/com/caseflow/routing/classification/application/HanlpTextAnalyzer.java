package com.caseflow.routing.classification.application;

import com.caseflow.routing.classification.domain.TextAnalyzer;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreBiGramTableDictionary;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * HanLP (portable: its dictionaries inside the jar) as the classifier's toolkit. The lexicon's own words go into a
 * dictionary of this segmenter only, so they are cut as words without changing HanLP for anyone else in the JVM.
 * Person, place and organisation recognition are off: on callers' run-on sentences they mistake phrases such as
 * 关在 or 水漫得 for names.
 */
public final class HanlpTextAnalyzer implements TextAnalyzer {

    private final Segment segment;

    public HanlpTextAnalyzer(Collection<String> vocabulary) {
        DynamicCustomDictionary dictionary = new DynamicCustomDictionary();
        for (String word : vocabulary) {
            String normal = normalise(word);
            if (!normal.isBlank()) {
                dictionary.insert(normal, "nz 1024");
            }
        }
        segment = new ViterbiSegment()
                .enableCustomDictionary(dictionary)
                .enableNameRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enablePartOfSpeechTagging(false);
    }

    @Override
    public Analyzed analyze(String text) {
        String normal = normalise(text);
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        for (Term term : segment.seg(normal)) {
            int end = Math.min(normal.length(), at + term.word.length());
            tokens.add(new Token(normal.substring(at, end), at, end));
            at = end;
        }
        if (at < normal.length()) {
            tokens.add(new Token(normal.substring(at), at, normal.length()));
        }
        return new Analyzed(normal, tokens, sounds(normal));
    }

    @Override
    public List<String> pinyin(String word) {
        return sounds(normalise(word));
    }

    @Override
    public boolean isOrdinary(String text) {
        if (CoreDictionary.contains(text) || CustomDictionary.contains(text)) {
            return true;
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            if (CoreBiGramTableDictionary.getBiFrequency(text.substring(i, i + 1), text.substring(i + 1, i + 2)) > 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sounds(String text) {
        List<Pinyin> pinyin = HanLP.convertToPinyinList(text);
        List<String> sounds = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            Pinyin p = i < pinyin.size() ? pinyin.get(i) : Pinyin.none5;
            sounds.add(p == Pinyin.none5 || !Character.isIdeographic(text.charAt(i)) ? null : p.getPinyinWithoutTone());
        }
        return sounds;
    }

    /** Full-width forms folded, traditional characters simplified, lower case; one character stays one character. */
    static String normalise(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u3000') {
                folded.append(' ');
            } else if (c >= '\uFF01' && c <= '\uFF5E' && !"，！？；：（）".contains(String.valueOf(c))) {
                folded.append((char) (c - 0xFEE0));
            } else {
                folded.append(c);
            }
        }
        String simplified = HanLP.convertToSimplifiedChinese(folded.toString());
        if (simplified.length() != folded.length()) {
            simplified = folded.toString();
        }
        return simplified.toLowerCase(Locale.ROOT);
    }
}
