//! Helpers shared by the native integration tests.
#![allow(dead_code)]

/// RFC 4180 reader: fields separated by ',', records by CRLF, quoted fields may hold anything
/// with '"' doubled. Returns an error for malformed input (e.g. a bare LF outside quotes).
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                    if !matches!(chars.peek(), None | Some(',') | Some('\r')) {
                        return Err(format!("text after a closing quote in {field:?}"));
                    }
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            '"' => return Err(format!("bare quote in {field:?}")),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                if chars.next() != Some('\n') {
                    return Err("CR without LF".to_string());
                }
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => return Err("bare LF outside quotes".to_string()),
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err("unterminated quote".to_string());
    }
    if !field.is_empty() || !record.is_empty() {
        return Err("last record has no CRLF".to_string());
    }
    Ok(records)
}
