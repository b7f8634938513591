//! Unsigned LEB128, the number encoding of a wasm module's section sizes, counts and name
//! lengths: what the publish step's rewrites of a built wasm read and write
//! (`unused_exports`, `short_names`).

/// Reads an unsigned LEB128 number at `at`: (value, the index after it).
pub fn read(bytes: &[u8], mut at: usize) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(at)?;
        at += 1;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some((value, at));
        }
    }
    None
}

/// Appends `value` to `out`.
pub fn push(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_read_back_as_written() {
        for v in [0u32, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            let mut out = vec![9];
            super::push(&mut out, v);
            assert_eq!(super::read(&out, 1), Some((v, out.len())), "{v}");
        }
        assert_eq!(super::read(&[0x80, 0x80], 0), None, "cut short");
    }
}
