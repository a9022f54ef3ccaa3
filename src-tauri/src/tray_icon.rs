//! The tray icon for each watcher state, drawn from the app icon: a badge in a colour per state,
//! and the unread count drawn into it, because Linux trays (AppIndicator) show no title beside
//! the icon and no tooltip. Offline and paused grey the icon, so the state reads at a glance.

use crate::watcher::TrayState;

pub const SIZE: u32 = 64;

/// RGBA pixels, `SIZE`×`SIZE`.
pub struct Picture(pub Vec<u8>);

/// 3×5 glyphs, one row per byte, bits from the left.
fn glyph(c: char) -> [u8; 5] {
    match c {
        '0' => [0b111, 0b101, 0b101, 0b101, 0b111],
        '1' => [0b010, 0b110, 0b010, 0b010, 0b111],
        '2' => [0b111, 0b001, 0b111, 0b100, 0b111],
        '3' => [0b111, 0b001, 0b111, 0b001, 0b111],
        '4' => [0b101, 0b101, 0b111, 0b001, 0b001],
        '5' => [0b111, 0b100, 0b111, 0b001, 0b111],
        '6' => [0b111, 0b100, 0b111, 0b101, 0b111],
        '7' => [0b111, 0b001, 0b010, 0b010, 0b010],
        '8' => [0b111, 0b101, 0b111, 0b101, 0b111],
        '9' => [0b111, 0b101, 0b111, 0b001, 0b111],
        '+' => [0b000, 0b010, 0b111, 0b010, 0b000],
        '!' => [0b010, 0b010, 0b010, 0b000, 0b010],
        '×' => [0b000, 0b101, 0b010, 0b101, 0b000],
        // Pause: two bars.
        '‖' => [0b101, 0b101, 0b101, 0b101, 0b101],
        _ => [0; 5],
    }
}

/// What the badge says: the count (at most two characters), or a sign for the state.
pub fn badge_text(state: TrayState, unread: u32) -> Option<String> {
    match state {
        TrayState::Error => Some("!".into()),
        TrayState::Offline => Some("×".into()),
        TrayState::Paused => Some("‖".into()),
        TrayState::Unread if unread > 99 => Some("9+".into()),
        TrayState::Unread if unread > 0 => Some(unread.to_string()),
        TrayState::Unread | TrayState::Idle => None,
    }
}

fn badge_colour(state: TrayState) -> [u8; 3] {
    match state {
        TrayState::Error => [0xd9, 0x48, 0x0f],
        TrayState::Offline | TrayState::Paused => [0x5f, 0x63, 0x68],
        TrayState::Unread | TrayState::Idle => [0xd9, 0x25, 0x25],
    }
}

/// `base` (RGBA, `width`×`height`) scaled to `SIZE` with its state drawn in.
pub fn render(base: &[u8], width: u32, height: u32, state: TrayState, unread: u32) -> Picture {
    let n = SIZE as usize;
    let mut px = vec![0u8; n * n * 4];
    let (w, h) = (width.max(1) as usize, height.max(1) as usize);
    for y in 0..n {
        for x in 0..n {
            let sx = (x * w / n).min(w - 1);
            let sy = (y * h / n).min(h - 1);
            let from = (sy * w + sx) * 4;
            let to = (y * n + x) * 4;
            if let (Some(src), Some(dst)) = (base.get(from..from + 4), px.get_mut(to..to + 4)) {
                dst.copy_from_slice(src);
            }
        }
    }
    if matches!(state, TrayState::Offline | TrayState::Paused) {
        for p in px.chunks_exact_mut(4) {
            if let [r, g, b, a] = p {
                let grey = (u32::from(*r) * 3 + u32::from(*g) * 6 + u32::from(*b)) / 10;
                let grey = u8::try_from(grey).unwrap_or(u8::MAX);
                (*r, *g, *b, *a) = (grey, grey, grey, *a / 2);
            }
        }
    }
    if let Some(text) = badge_text(state, unread) {
        draw_badge(&mut px, n, &text, badge_colour(state));
    }
    Picture(px)
}

fn put(px: &mut [u8], n: usize, x: usize, y: usize, rgba: [u8; 4]) {
    let i = (y * n + x) * 4;
    if let Some(p) = px.get_mut(i..i + 4) {
        p.copy_from_slice(&rgba);
    }
}

/// A filled circle in the lower right corner with `text` in white, centred.
fn draw_badge(px: &mut [u8], n: usize, text: &str, [r, g, b]: [u8; 3]) {
    let radius = n as f32 * 0.3;
    let (cx, cy) = (n as f32 - radius - 1.0, n as f32 - radius - 1.0);
    for y in 0..n {
        for x in 0..n {
            let (dx, dy) = (x as f32 + 0.5 - cx, y as f32 + 0.5 - cy);
            if dx * dx + dy * dy <= radius * radius {
                put(px, n, x, y, [r, g, b, 255]);
            }
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let scale = if chars.len() > 1 { 3 } else { 4 };
    let (glyph_w, gap) = (3 * scale, scale);
    let total_w = chars.len() * glyph_w + chars.len().saturating_sub(1) * gap;
    let left = (cx as usize).saturating_sub(total_w / 2);
    let top = (cy as usize).saturating_sub(5 * scale / 2);
    for (i, c) in chars.iter().enumerate() {
        let x0 = left + i * (glyph_w + gap);
        for (row, bits) in glyph(*c).iter().enumerate() {
            for col in 0..3 {
                if bits & (0b100 >> col) == 0 {
                    continue;
                }
                for sy in 0..scale {
                    for sx in 0..scale {
                        let (x, y) = (x0 + col * scale + sx, top + row * scale + sy);
                        if x < n && y < n {
                            put(px, n, x, y, [255, 255, 255, 255]);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_state_is_drawn_differently_and_the_count_shows() {
        let base = vec![40u8; 16 * 16 * 4];
        let draw = |s, n| render(&base, 16, 16, s, n).0;
        let pictures = [
            draw(TrayState::Idle, 0),
            draw(TrayState::Unread, 3),
            draw(TrayState::Unread, 12),
            draw(TrayState::Paused, 3),
            draw(TrayState::Error, 0),
            draw(TrayState::Offline, 0),
        ];
        for (i, a) in pictures.iter().enumerate() {
            assert_eq!(a.len(), (SIZE * SIZE * 4) as usize);
            for b in pictures.iter().skip(i + 1) {
                assert_ne!(a, b, "two states look alike");
            }
        }
        assert_eq!(badge_text(TrayState::Unread, 250).as_deref(), Some("9+"));
        assert_eq!(badge_text(TrayState::Idle, 0), None);
    }
}
