package com.caseflow.support.web;

import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;

import java.util.List;

/** The version a write expects, from an {@code If-Match} header carrying the {@code ETag} of the last read. */
public final class IfMatch {

    /**
     * The version in the header ({@code "3"} or {@code W/"3"}), null when there is none.
     *
     * @param what what the ETag belongs to, for the problem document ("case", "callback")
     */
    public static Long version(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String bare = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(bare);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("If-Match",
                    "the ETag of the " + what + " as last read, e.g. \"3\"")));
        }
    }

    private IfMatch() {
    }
}
