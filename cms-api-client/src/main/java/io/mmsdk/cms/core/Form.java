package io.mmsdk.cms.core;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a create (POST) or modify (PUT) request, sent as
 * {@code application/x-www-form-urlencoded}. Each field has three states: absent (leave
 * unchanged), set to a value, or explicitly unset with {@link Builder#unset(CmsField)}, which sends
 * an empty value so the object falls back to the inherited default. Immutable.
 *
 * <pre>{@code
 * Form form = Form.builder()
 *     .set(CmsFields.NAME, "Sales")
 *     .set(CmsFields.NON_MEMBER_ACCESS, false)
 *     .unset(CmsFields.TENANT)
 *     .build();
 * }</pre>
 */
public final class Form {
  private static final Form EMPTY = new Form(Map.of());

  private final Map<String, String> parameters;

  private Form(Map<String, String> parameters) {
    this.parameters = parameters;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a form without parameters} */
  public static Form empty() {
    return EMPTY;
  }

  /** {@return the parameters in insertion order; an empty value means "unset"} */
  public Map<String, String> parameters() {
    return parameters;
  }

  /**
   * {@return whether the form names {@code name} with an empty (unsetting) value}
   *
   * @param name the parameter name
   */
  public boolean isUnset(String name) {
    return "".equals(parameters.get(name));
  }

  /** {@return a builder holding this form's parameters} */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.parameters.putAll(parameters);
    return builder;
  }

  @Override
  public String toString() {
    // Values may be secrets (passcode, password, secret), so only names are shown.
    return "Form" + parameters.keySet();
  }

  /** Builds a {@link Form}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code field} to {@code value}.
     *
     * @param <T> the field's value type
     * @param field the field to set
     * @param value its value; not null (use {@link #unset(CmsField)} to clear)
     * @return this builder
     */
    public <T> Builder set(CmsField<T> field, T value) {
      requireNonNull(field, "field == null");
      requireNonNull(value, "value == null");
      parameters.put(field.name(), field.format(value));
      return this;
    }

    /**
     * Sets an enumerated field to a wire value such as {@code speakerOnly}. Values the blueprint
     * does not list are sent as given (a newer server may accept them).
     *
     * @param field the enumerated field
     * @param value its wire value
     * @return this builder
     */
    public Builder set(CmsField<CmsEnumValue> field, String value) {
      requireNonNull(field, "field == null");
      requireNonNull(value, "value == null");
      parameters.put(field.name(), value);
      return this;
    }

    /**
     * Sets the raw parameter {@code name} to {@code value}; an empty value unsets.
     *
     * @param name the parameter name
     * @param value its text; empty unsets
     * @return this builder
     */
    public Builder set(String name, String value) {
      requireNonNull(name, "name == null");
      requireNonNull(value, "value == null");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name is empty; expected a parameter name such as \"uri\"");
      }
      parameters.put(name, value);
      return this;
    }

    /**
     * Explicitly unsets {@code field} (sends it with an empty value).
     *
     * @param field the field to clear
     * @return this builder
     */
    public Builder unset(CmsField<?> field) {
      requireNonNull(field, "field == null");
      parameters.put(field.name(), "");
      return this;
    }

    /**
     * Explicitly unsets the raw parameter {@code name}.
     *
     * @param name the parameter name to clear
     * @return this builder
     */
    public Builder unset(String name) {
      return set(name, "");
    }

    /**
     * Removes {@code field} again, so the request leaves it unchanged.
     *
     * @param field the field to leave out
     * @return this builder
     */
    public Builder leaveUnchanged(CmsField<?> field) {
      requireNonNull(field, "field == null");
      parameters.remove(field.name());
      return this;
    }

    /** {@return the form} */
    public Form build() {
      return new Form(Collections.unmodifiableMap(new LinkedHashMap<>(parameters)));
    }
  }
}
