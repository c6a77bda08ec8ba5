package io.socaas.cases.casefile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CaseFilePolicyTest {

    private final CaseFilePolicy policy = new CaseFilePolicy(100, 500, 3);

    @Test
    void usesTheDefaultPageSizeWhenNoneIsRequested() {
        assertThat(policy.pageSize(null)).isEqualTo(100);
        assertThat(policy.pageSize(0)).isEqualTo(100);
    }

    @Test
    void capsThePageSizeAtTheMaximum() {
        assertThat(policy.pageSize(7)).isEqualTo(7);
        assertThat(policy.pageSize(500)).isEqualTo(500);
        assertThat(policy.pageSize(501)).isEqualTo(500);
    }

    @Test
    void rejectsANegativePageSize() {
        assertThatThrownBy(() -> policy.pageSize(-1)).isInstanceOf(InvalidCaseQueryException.class);
    }
}
