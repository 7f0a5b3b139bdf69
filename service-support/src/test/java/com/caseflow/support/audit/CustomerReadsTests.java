package com.caseflow.support.audit;

import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerReadsTests {

    @Test
    void whenAPageEndsWithinTheDepthCapThenItIsAllowed() {
        assertThat(CustomerReads.pagingProblems(0, 100)).isEmpty();
        assertThat(CustomerReads.pagingProblems(100, 100)).isEmpty();
        assertThat(CustomerReads.pagingProblems(500, 20)).isEmpty();
    }

    @Test
    void whenAPageStartsPastTheDepthCapThenPageIsNamedAndNotClamped() {
        assertThat(CustomerReads.pagingProblems(101, 100)).extracting(FieldProblem::field).containsExactly("page");
        assertThat(CustomerReads.pagingProblems(10_000, 1)).isEmpty();
        assertThat(CustomerReads.pagingProblems(5_001, 2)).extracting(FieldProblem::field).containsExactly("page");
        assertThatThrownBy(() -> CustomerReads.checkPaging(201, 50)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void whenSizeOrPageIsOutOfBoundsThenEachIsNamedOnce() {
        assertThat(CustomerReads.pagingProblems(-1, 101)).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("page", "size");
        assertThat(CustomerReads.pagingProblems(10_001, 100)).extracting(FieldProblem::field).containsExactly("page");
    }
}
