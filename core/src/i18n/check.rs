//! Checks a translation against the English reference: the same messages and attributes,
//! each with the same placeholders (`{ $name }`), so no text is missing in any language and
//! no sentence drops or invents a number or a file name.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Each message (and "message.attribute") of a file, with the variables its text uses.
pub type Shape = BTreeMap<String, BTreeSet<String>>;

/// One way a translation differs from the reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file does not parse.
    Syntax(String),
    /// The reference has this message; the translation does not.
    Missing(String),
    /// The translation has a message the reference does not (a typo or a leftover).
    Extra(String),
    /// The message's placeholders differ: (message, the reference's, the translation's).
    Placeholders(String, Vec<String>, Vec<String>),
}

/// The messages and placeholders of an `.ftl` source.
pub fn shape(source: &str) -> Result<Shape, String> {
    let resource =
        fluent_syntax::parser::parse(source).map_err(|(_, errors)| format!("{errors:?}"))?;
    let mut shape = Shape::new();
    for entry in &resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name.to_string();
        if let Some(value) = &message.value {
            shape.insert(id.clone(), variables(value));
        }
        for attribute in &message.attributes {
            shape.insert(
                format!("{id}.{}", attribute.id.name),
                variables(&attribute.value),
            );
        }
    }
    Ok(shape)
}

/// Every way `translation` differs from `reference` (both `.ftl` sources).
pub fn compare(reference: &str, translation: &str) -> Vec<Problem> {
    let reference = match shape(reference) {
        Ok(s) => s,
        Err(e) => return vec![Problem::Syntax(format!("reference: {e}"))],
    };
    let translation = match shape(translation) {
        Ok(s) => s,
        Err(e) => return vec![Problem::Syntax(e)],
    };
    let mut problems = Vec::new();
    for (id, vars) in &reference {
        match translation.get(id) {
            None => problems.push(Problem::Missing(id.clone())),
            Some(theirs) if theirs != vars => problems.push(Problem::Placeholders(
                id.clone(),
                vars.iter().cloned().collect(),
                theirs.iter().cloned().collect(),
            )),
            Some(_) => {}
        }
    }
    for id in translation.keys() {
        if !reference.contains_key(id) {
            problems.push(Problem::Extra(id.clone()));
        }
    }
    problems
}

fn variables(pattern: &Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    walk_pattern(pattern, &mut out);
    out
}

fn walk_pattern(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, out);
        }
    }
}

fn walk_expression(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            walk_inline(selector, out);
            for variant in variants {
                walk_pattern(&variant.value, out);
            }
        }
        Expression::Inline(inline) => walk_inline(inline, out),
    }
}

fn walk_inline(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                walk_inline(arg, out);
            }
            for named in &arguments.named {
                walk_inline(&named.value, out);
            }
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, out),
        _ => {}
    }
}
