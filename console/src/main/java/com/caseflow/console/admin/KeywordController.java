package com.caseflow.console.admin;

import com.caseflow.console.services.LexiconViews.Benign;
import com.caseflow.console.services.LexiconViews.DryRun;
import com.caseflow.console.services.LexiconViews.Lexicon;
import com.caseflow.console.services.LexiconViews.Versions;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keyword lists routing listens for (routing's {@code /api/v1/routing-lexicon}): each term's words, the negators,
 * hedges and benign phrases, one per line in a text box; a typed contact tried against the edited lists; publication
 * as a new version based on the one opened (someone else's publication in between is routing's 409); every version
 * with who and when, and any earlier one opened as the draft of a new version. Routing names refused words by their
 * place in the list sent; the page says which line of which box, in the reader's language.
 */
@Controller
@RequestMapping("/admin/keywords")
@PreAuthorize("principal.staff().configuration().readsRules()")
class KeywordController {

    static final int VERSIONS_SHOWN = 30;
    private static final Pattern LIST_FIELD = Pattern.compile(
            "^(?:candidate\\.)?(terms\\.(.+?)|negators|hedges|benign\\[(\\d+)]\\.(phrases|why))(?:\\[(\\d+)])?$");
    private static final Pattern DUPLICATE = Pattern.compile("^duplicate of .*\\[(\\d+)]");
    private static final Pattern AT_MOST = Pattern.compile("^at most (\\d+) (characters|words)");

    private final Services services;
    private final MessageSource messages;

    KeywordController(Services services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    /** One text box of the form: its name, what it is, what it feeds, and the text in it. */
    record KeywordList(String key, String label, List<String> feeds, String text) {
    }

    /** The words of a box as sent, with the line each was typed on (blank lines are not sent). */
    private record Lines(List<String> words, List<Integer> lineNumbers) {

        static Lines of(String text) {
            List<String> words = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            String[] lines = (text == null ? "" : text).split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                String word = lines[i].strip();
                if (!word.isEmpty()) {
                    words.add(word);
                    numbers.add(i + 1);
                }
            }
            return new Lines(words, numbers);
        }

        int line(int index) {
            return index >= 0 && index < lineNumbers.size() ? lineNumbers.get(index) : index + 1;
        }
    }

    /**
     * @param from    an older version to edit as the draft of the next one
     * @param older   with {@code newer}: two versions to compare, list by list
     */
    @GetMapping
    String show(@RequestParam(required = false) Long from, @RequestParam(required = false) Long older,
                @RequestParam(required = false) Long newer, Model model) {
        Lexicon current = current();
        Lexicon draft = from == null || from == current.version() ? current : version(from);
        model.addAttribute("draftFrom", draft.version() == current.version() ? null : draft.version());
        if (older != null && newer != null) {
            Lexicon before = version(Math.min(older, newer));
            Lexicon after = version(Math.max(older, newer));
            model.addAttribute("older", before.version());
            model.addAttribute("newer", after.version());
            model.addAttribute("changes", KeywordDiff.between(before, after));
        }
        return page(current, current.version(), boxes(draft, null), "", "", "", model);
    }

    @PostMapping
    @PreAuthorize("principal.staff().configuration().editsRules()")
    String dryRunOrPublish(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        String typedVersion = form.getOrDefault("basedOnVersion", "");
        long basedOn = typedVersion.matches("\\d{1,18}") ? Long.parseLong(typedVersion) : 0;
        Lexicon edited = version(basedOn);
        List<String> termNames = List.copyOf(edited.terms().keySet());
        Map<String, Lines> typed = new LinkedHashMap<>();
        Map<String, Object> lists = new LinkedHashMap<>();
        Map<String, List<String>> terms = new LinkedHashMap<>();
        for (int i = 0; i < termNames.size(); i++) {
            Lines lines = Lines.of(form.get("term" + i));
            typed.put("term" + i, lines);
            terms.put(termNames.get(i), lines.words());
        }
        lists.put("terms", terms);
        for (String list : List.of("negators", "hedges")) {
            Lines lines = Lines.of(form.get(list));
            typed.put(list, lines);
            lists.put(list, lines.words());
        }
        List<Map<String, Object>> benign = new ArrayList<>();
        for (int i = 0; i < edited.benign().size(); i++) {
            Lines lines = Lines.of(form.get("benign" + i));
            typed.put("benign" + i, lines);
            if (!lines.words().isEmpty()) {
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("phrases", lines.words());
                group.put("why", edited.benign().get(i).why());
                benign.add(group);
            }
        }
        lists.put("benign", benign);
        String category = form.getOrDefault("tryCategory", "").strip();
        String callerType = form.getOrDefault("tryCallerType", "").strip();
        String matter = form.getOrDefault("tryMatter", "").strip();
        Lexicon current = edited;
        try {
            if ("publish".equals(form.get("action"))) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("basedOnVersion", basedOn);
                body.putAll(lists);
                Lexicon published = services.routing().call(client -> client.put().uri("/api/v1/routing-lexicon")
                        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Lexicon.class));
                redirect.addFlashAttribute("published", published.version());
                return "redirect:/admin/keywords";
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("category", category.isEmpty() ? null : category);
            body.put("callerType", callerType.isEmpty() ? null : callerType);
            body.put("matter", matter);
            body.put("candidate", lists);
            model.addAttribute("dryRun", services.routing().call(client -> client.post()
                    .uri("/api/v1/routing-lexicon/dry-run").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(DryRun.class)));
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("conflict", problem.conflict());
            model.addAttribute("errors", errors(problem, termNames, typed, edited));
            if (problem.conflict()) {
                current = current();
            }
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        typed.keySet().forEach(key -> texts.put(key, form.getOrDefault(key, "")));
        return page(current, basedOn, boxes(edited, texts), category, callerType, matter, model);
    }

    private String page(Lexicon current, long basedOn, List<KeywordList> boxes, String category, String callerType,
                        String matter, Model model) {
        model.addAttribute("lexicon", current);
        model.addAttribute("basedOnVersion", basedOn);
        model.addAttribute("boxes", boxes);
        model.addAttribute("tryCategory", category);
        model.addAttribute("tryCallerType", callerType);
        model.addAttribute("tryMatter", matter);
        model.addAttribute("choices", RuleChoices.ALL);
        model.addAttribute("versions", services.routing().call(client -> client.get()
                .uri("/api/v1/routing-lexicon/versions?page=0&size={size}", VERSIONS_SHOWN).retrieve()
                .body(Versions.class)));
        return "admin/keywords";
    }

    /** The boxes of a version, with what was typed in place of its words where a form came back. */
    private List<KeywordList> boxes(Lexicon version, Map<String, String> typed) {
        List<KeywordList> boxes = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<String>> term : version.terms().entrySet()) {
            String key = "term" + i++;
            boxes.add(new KeywordList(key, term.getKey(), version.signals().getOrDefault(term.getKey(), List.of()),
                    text(typed, key, term.getValue())));
        }
        boxes.add(new KeywordList("negators", message("admin.keywords.negators"), List.of(),
                text(typed, "negators", version.negators())));
        boxes.add(new KeywordList("hedges", message("admin.keywords.hedges"), List.of(),
                text(typed, "hedges", version.hedges())));
        for (int b = 0; b < version.benign().size(); b++) {
            Benign group = version.benign().get(b);
            boxes.add(new KeywordList("benign" + b, message("admin.keywords.benign", group.why()), List.of(),
                    text(typed, "benign" + b, group.phrases())));
        }
        return boxes;
    }

    private static String text(Map<String, String> typed, String key, List<String> words) {
        return typed != null && typed.containsKey(key) ? typed.get(key) : String.join("\n", words);
    }

    /**
     * Routing's refusals beside the box they were typed in, in the reader's language: {@code terms.电梯[3]} → the
     * box of 电梯, "line 5" (the fourth word sent, counting the lines typed, blank ones too).
     */
    private Map<String, String> errors(ServiceProblem problem, List<String> termNames, Map<String, Lines> typed,
                                       Lexicon edited) {
        Map<String, String> byBox = new LinkedHashMap<>();
        for (ServiceProblem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            String message = error.message() == null ? "" : error.message();
            String box;
            String sentence;
            Matcher list = LIST_FIELD.matcher(field);
            if (field.equals("matter") || field.equals("category")) {
                box = field.equals("matter") ? "tryMatter" : "tryCategory";
                sentence = message("admin.keywords.error." + field);
            } else if (list.matches()) {
                box = list.group(2) != null ? "term" + termNames.indexOf(list.group(2))
                        : list.group(3) != null ? "benign" + sentIndexToBox(Integer.parseInt(list.group(3)), typed,
                        edited) : list.group(1);
                if (box.equals("term-1")) {
                    box = "_form";
                }
                Lines lines = typed.getOrDefault(box, new Lines(List.of(), List.of()));
                sentence = list.group(5) == null ? listSentence(message)
                        : wordSentence(message, lines, Integer.parseInt(list.group(5)));
            } else {
                box = "_form";
                sentence = message("admin.keywords.error.other", field, message);
            }
            byBox.merge(box, sentence, (a, b) -> a + "；" + b);
        }
        return byBox;
    }

    /** Benign groups left empty are not sent, so routing's benign[2] may be the fourth box. */
    private static int sentIndexToBox(int sent, Map<String, Lines> typed, Lexicon edited) {
        int seen = -1;
        for (int b = 0; b < edited.benign().size(); b++) {
            if (!typed.getOrDefault("benign" + b, new Lines(List.of(), List.of())).words().isEmpty() && ++seen == sent) {
                return b;
            }
        }
        return sent;
    }

    private String wordSentence(String message, Lines lines, int index) {
        int line = lines.line(index);
        if (message.startsWith("empty word")) {
            return message("admin.keywords.error.empty", line);
        }
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            return message("admin.keywords.error.duplicate", line, lines.line(Integer.parseInt(duplicate.group(1))));
        }
        Matcher atMost = AT_MOST.matcher(message);
        if (atMost.find()) {
            return message("admin.keywords.error.tooLong", line, atMost.group(1));
        }
        return message("admin.keywords.error.line", line, message);
    }

    private String listSentence(String message) {
        if (message.startsWith("needs at least one") || message.startsWith("required")) {
            return message("admin.keywords.error.none");
        }
        Matcher atMost = AT_MOST.matcher(message);
        if (atMost.find() && atMost.group(2).equals("words")) {
            return message("admin.keywords.error.tooMany", atMost.group(1));
        }
        return message("admin.keywords.error.other", "", message);
    }

    private String message(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, key, locale);
    }

    private Lexicon current() {
        return services.routing().call(client -> client.get().uri("/api/v1/routing-lexicon").retrieve()
                .body(Lexicon.class));
    }

    private Lexicon version(long version) {
        return services.routing().call(client -> client.get().uri("/api/v1/routing-lexicon/versions/{v}", version)
                .retrieve().body(Lexicon.class));
    }
}
