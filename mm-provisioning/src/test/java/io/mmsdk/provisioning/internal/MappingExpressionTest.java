package io.mmsdk.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MappingExpressionTest {

  private static final Map<String, String> SALLY = Map.of(
      "cn", "Sally Wood", "sAMAccountName", "swood", "mail", "sally@test.example.com",
      "telephoneNumber", "+47 22 33 44 123");

  private static String eval(String mapping) {
    return MappingExpression.parse(mapping).evaluate(SALLY::get);
  }

  @Test
  void evaluate_plainSubstitutionWithLiterals_buildsValue() {
    assertEquals("Sally Wood's space", eval("$cn$'s space"));
    assertEquals("swood@example.com", eval("$sAMAccountName$@example.com"));
  }

  @Test
  void evaluate_regexTransform_replacesFirstMatch() {
    assertEquals("sally@xmpp.example.com", eval("$mail|'/@test/@xmpp/'$"));
    assertEquals("sally.cospace", eval("$mail|'/@.*//'$.cospace"));
  }

  @Test
  void evaluate_globalOption_replacesEveryMatch() {
    assertEquals("Slly Wood", eval("$cn|'/a//g'$"));
    assertEquals("Sally W0od", eval("$cn|'/o/0/'$"));
    assertEquals("Sally W00d", eval("$cn|'/o/0/g'$"));
  }

  @Test
  void evaluate_posixClassAndGroupReference_keepsLastThreeDigits() {
    assertEquals("80044123", eval("80044$telephoneNumber|'/.*([[:digit:]]{3})$/\\1/'$"));
  }

  @Test
  void evaluate_otherSeparatorAndEscapedSeparator_work() {
    assertEquals("sally at test.example.com", eval("$mail|'#@# at #'$"));
    assertEquals("Sally/Wood", eval("$cn|'/ /\\//'$"));
  }

  @Test
  void evaluate_missingAttribute_returnsNull() {
    assertNull(eval("$givenName$.space"));
  }

  @Test
  void attributes_listsNamesInOrder() {
    assertEquals(Set.of("cn", "mail"), MappingExpression.parse("$cn$ <$mail|'/x/y/'$>").attributes());
  }

  @Test
  void parse_unclosedDollar_reportsColumn() {
    MappingExpression.SyntaxError e =
        assertThrows(MappingExpression.SyntaxError.class, () -> MappingExpression.parse("abc $cn"));
    assertEquals(4, e.column());
    assertTrue(e.getMessage().contains("not closed"), e.getMessage());
  }

  @Test
  void parse_badTransforms_failWithReason() {
    assertThrows(MappingExpression.SyntaxError.class, () -> MappingExpression.parse("$cn|/a/b/$"));
    assertThrows(MappingExpression.SyntaxError.class, () -> MappingExpression.parse("$cn|'/a/b/x'$"));
    assertThrows(MappingExpression.SyntaxError.class, () -> MappingExpression.parse("$cn|'/(a/b/'$"));
    assertThrows(MappingExpression.SyntaxError.class, () -> MappingExpression.parse("$cn|'1a1b1'$"));
    assertThrows(MappingExpression.SyntaxError.class, () -> MappingExpression.parse("$c n$"));
    assertThrows(MappingExpression.SyntaxError.class, () -> MappingExpression.parse("$$"));
  }
}
