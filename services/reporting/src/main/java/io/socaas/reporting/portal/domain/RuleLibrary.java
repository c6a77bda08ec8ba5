package io.socaas.reporting.portal.domain;

import java.util.List;

/** Port: the rule files of every pack, whoever has them enabled. */
public interface RuleLibrary {

    /** Every file that carries this rule id (one per pack that ships it), in a stable order. */
    List<RuleFile> filesOf(String ruleId);
}
