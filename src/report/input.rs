//! Reading many tickets fast from JSON text, one at a time as the text is read: a
//! scanner for the common shape of a ticket reads it straight from the text (borrowed
//! strings, no `Value` tree, nothing allocated) into one reused [`Ticket`]; a ticket it
//! does not take (an escape in a known string field, a wrong type, a missing or repeated
//! field, ...) is read again the careful way, which gives the same ticket or the exact
//! error with its path. The scanner takes a ticket only when the careful way would read
//! the same ticket from it, with one exception kept from the typed reader before it: in a
//! field the format does not know, it skips any JSON value, also one the careful way
//! refuses (`1e400`, a lone surrogate escape `\uD800`).

use crate::error::{Error, ErrorCode, Result};
use crate::sla::{EventKind, Ticket, TicketEvent};
use crate::Instant;
use serde::de::IgnoredAny;
use serde_json::Value;

/// A string or a number, borrowed from the input.
#[derive(Clone, Copy)]
enum Scalar<'a> {
    Str(&'a str),
    Num(f64),
}

struct FastEvent<'a> {
    at: Scalar<'a>,
    kind: &'a str,
    reason: Option<Scalar<'a>>,
    priority: Option<Scalar<'a>>,
}

struct FastTicket<'a> {
    id: Scalar<'a>,
    service: Scalar<'a>,
    priority: Scalar<'a>,
    created_at: Scalar<'a>,
    events: Vec<FastEvent<'a>>,
}

/// A key of up to 8 bytes as a number (one-to-one: keys the scanner takes hold no
/// control character, so no zero byte), 0 for a longer one.
const fn word(key: &str) -> u64 {
    let (b, mut w, mut i) = (key.as_bytes(), 0u64, 0);
    if b.len() > 8 {
        return 0;
    }
    while i < b.len() {
        w = w << 8 | b[i] as u64;
        i += 1;
    }
    w
}
const ID: u64 = word("id");
const SERVICE: u64 = word("service");
const PRIORITY: u64 = word("priority");
const EVENTS: u64 = word("events");
const AT: u64 = word("at");
const TYPE: u64 = word("type");
const REASON: u64 = word("reason");

/// A scanner over JSON text for the common shape of a ticket: `None` (from any
/// method) for anything else, and then the position is meaningless.
struct Scan<'t> {
    s: &'t str,
    i: usize,
}

impl<'t> Scan<'t> {
    #[inline(always)]
    fn at(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    /// The next byte after whitespace (not consumed).
    #[inline(always)]
    fn peek(&mut self) -> Option<u8> {
        match self.at()? {
            c if c > b' ' => Some(c),
            _ => self.skip_ws(),
        }
    }

    fn skip_ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.at() {
            self.i += 1;
        }
        self.at()
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.i += 1)
    }

    /// After `{` or `[`: `true` when `end` closes it at once.
    fn empty(&mut self, end: u8) -> Option<bool> {
        Some(self.peek()? == end && {
            self.i += 1;
            true
        })
    }

    /// After a member or element: `true` at the closing `end`, `false` after a `,`.
    fn next(&mut self, end: u8) -> Option<bool> {
        let c = self.peek()?;
        self.i += 1;
        match c {
            b',' => Some(false),
            c if c == end => Some(true),
            _ => None,
        }
    }

    /// A string without escapes.
    fn plain(&mut self) -> Option<&'t str> {
        self.eat(b'"')?;
        let start = self.i;
        let rest = self.s.as_bytes().get(start..)?;
        // Eight bytes at a time while none is `"`, `\` or a control character.
        const ONES: u64 = 0x0101_0101_0101_0101;
        let mut n = 0;
        while let Some(w) = rest.get(n..n + 8) {
            let x = u64::from_le_bytes(w.try_into().ok()?);
            let (q, e) = (x ^ (ONES * b'"' as u64), x ^ (ONES * b'\\' as u64));
            let hit = (q.wrapping_sub(ONES) & !q) | (e.wrapping_sub(ONES) & !e) | (x.wrapping_sub(ONES * 0x20) & !x);
            if hit & (ONES * 0x80) != 0 {
                break;
            }
            n += 8;
        }
        n += rest.get(n..)?.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
        if rest[n] != b'"' {
            return None;
        }
        self.i = start + n + 1;
        Some(&self.s[start..start + n])
    }

    /// Any string, escapes checked as a JSON parser skipping it does.
    fn skip_str(&mut self) -> Option<()> {
        self.eat(b'"')?;
        loop {
            let c = self.at()?;
            self.i += 1;
            match c {
                b'"' => return Some(()),
                b'\\' => match self.at()? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.i += 1,
                    b'u' if self.s.as_bytes().get(self.i + 1..self.i + 5)?.iter().all(u8::is_ascii_hexdigit) => self.i += 5,
                    _ => return None,
                },
                c if c < 0x20 => return None,
                _ => {}
            }
        }
    }

    fn digits(&mut self) -> Option<()> {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.at() {
            self.i += 1;
        }
        (self.i > start).then_some(())
    }

    /// A number's text (JSON's grammar).
    fn number(&mut self) -> Option<&'t str> {
        self.peek()?;
        let start = self.i;
        if self.at() == Some(b'-') {
            self.i += 1;
        }
        match self.at()? {
            b'0' => self.i += 1,
            b'1'..=b'9' => self.digits()?,
            _ => return None,
        }
        if self.at() == Some(b'.') {
            self.i += 1;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.at() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.at() {
                self.i += 1;
            }
            self.digits()?;
        }
        Some(&self.s[start..self.i])
    }

    /// A string without escapes, or a number as the JSON parser reads it into an `f64`.
    fn scalar(&mut self) -> Option<Scalar<'t>> {
        if self.peek()? == b'"' {
            return self.plain().map(Scalar::Str);
        }
        let t = self.number()?;
        // Up to 15 digits, no sign or leading zero: exact, as the parser's integer.
        if t.len() <= 15 && t.bytes().all(|c| c.is_ascii_digit()) && !t.starts_with('0') {
            return Some(Scalar::Num(t.bytes().fold(0i64, |n, c| n * 10 + (c - b'0') as i64) as f64));
        }
        serde_json::from_str::<f64>(t).ok().map(Scalar::Num)
    }

    /// `null` (for an optional field), or a scalar.
    fn opt_scalar(&mut self) -> Option<Option<Scalar<'t>>> {
        if self.peek()? == b'n' {
            return self.lit("null").map(|()| None);
        }
        self.scalar().map(Some)
    }

    fn lit(&mut self, w: &str) -> Option<()> {
        self.s[self.i..].starts_with(w).then(|| self.i += w.len())
    }

    /// Any JSON value (of a field the ticket format does not know).
    fn skip(&mut self, depth: u32) -> Option<()> {
        if depth > 64 {
            return None;
        }
        match self.peek()? {
            b'"' => self.skip_str(),
            b'{' => {
                self.i += 1;
                if !self.empty(b'}')? {
                    loop {
                        self.skip_str()?;
                        self.eat(b':')?;
                        self.skip(depth + 1)?;
                        if self.next(b'}')? {
                            break;
                        }
                    }
                }
                Some(())
            }
            b'[' => {
                self.i += 1;
                if !self.empty(b']')? {
                    loop {
                        self.skip(depth + 1)?;
                        if self.next(b']')? {
                            break;
                        }
                    }
                }
                Some(())
            }
            b't' => self.lit("true"),
            b'f' => self.lit("false"),
            b'n' => self.lit("null"),
            _ => self.number().map(drop),
        }
    }

    /// An object, each member's key handed to `member`, which reads the value and says
    /// which field it was (a bit; 0 for an unknown one, skipped); `None` for a repeated
    /// field. The fields seen.
    fn object(&mut self, member: &mut dyn FnMut(&mut Self, &'t str) -> Option<u8>) -> Option<u8> {
        self.eat(b'{')?;
        let mut seen = 0;
        if !self.empty(b'}')? {
            loop {
                let key = self.plain()?;
                self.eat(b':')?;
                let bit = member(self, key)?;
                if seen & bit != 0 {
                    return None;
                }
                seen |= bit;
                if self.next(b'}')? {
                    break;
                }
            }
        }
        Some(seen)
    }

    fn event(&mut self) -> Option<FastEvent<'t>> {
        let mut e = FastEvent { at: Scalar::Num(0.0), kind: "", reason: None, priority: None };
        let seen = self.object(&mut |sc, key| {
            Some(match word(key) {
                AT => {
                    e.at = sc.scalar()?;
                    1
                }
                TYPE => {
                    e.kind = sc.plain()?;
                    2
                }
                REASON => {
                    e.reason = sc.opt_scalar()?;
                    4
                }
                PRIORITY => {
                    e.priority = sc.opt_scalar()?;
                    8
                }
                _ => sc.skip(0).map(|()| 0)?,
            })
        })?;
        (seen & 3 == 3).then_some(e)
    }

    /// A ticket into `t` (its events cleared first).
    fn ticket(&mut self, t: &mut FastTicket<'t>) -> Option<()> {
        t.events.clear();
        let seen = self.object(&mut |sc, key| {
            Some(match word(key) {
                ID => {
                    t.id = sc.scalar()?;
                    1
                }
                SERVICE => {
                    t.service = sc.scalar()?;
                    2
                }
                PRIORITY => {
                    t.priority = sc.scalar()?;
                    4
                }
                0 if key == "createdAt" => {
                    t.created_at = sc.scalar()?;
                    8
                }
                EVENTS => {
                    sc.eat(b'[')?;
                    if !sc.empty(b']')? {
                        loop {
                            let e = sc.event()?;
                            t.events.push(e);
                            if sc.next(b']')? {
                                break;
                            }
                        }
                    }
                    16
                }
                _ => sc.skip(0).map(|()| 0)?,
            })
        })?;
        (seen & 15 == 15).then_some(())
    }
}

/// Writes a scalar's text into `out` (cleared first): a string, or a whole number as its
/// decimal text; `None` for another number.
fn put(out: &mut String, s: &Scalar<'_>) -> Option<()> {
    use std::fmt::Write;
    out.clear();
    match *s {
        Scalar::Str(v) => out.push_str(v),
        Scalar::Num(n) if n.fract() == 0.0 && n.abs() < 9e15 => write!(out, "{}", n as i64).ok()?,
        Scalar::Num(_) => return None,
    }
    Some(())
}

fn instant(s: &Scalar<'_>) -> Option<Instant> {
    match *s {
        Scalar::Str(v) => Instant::parse(v).ok(),
        Scalar::Num(n) => Instant::from_epoch_f64(n).ok(),
    }
}

/// Sets an event's kind, reusing the strings already in `kind` (no allocation once the
/// buffers are warm).
fn put_kind(kind: &mut EventKind, e: &FastEvent<'_>) -> Option<()> {
    match e.kind {
        "pause" => {
            let Some(r) = &e.reason else {
                *kind = EventKind::Pause { reason: None };
                return Some(());
            };
            if !matches!(kind, EventKind::Pause { reason: Some(_) }) {
                *kind = EventKind::Pause { reason: Some(String::new()) };
            }
            if let EventKind::Pause { reason: Some(s) } = kind {
                put(s, r)?;
            }
        }
        "resume" => *kind = EventKind::Resume,
        "respond" => *kind = EventKind::Respond,
        "resolve" => *kind = EventKind::Resolve,
        "reopen" => *kind = EventKind::Reopen,
        "priorityChange" => {
            let p = e.priority.as_ref()?;
            if !matches!(kind, EventKind::PriorityChange { .. }) {
                *kind = EventKind::PriorityChange { priority: String::new() };
            }
            if let EventKind::PriorityChange { priority } = kind {
                put(priority, p)?;
            }
        }
        _ => return None,
    }
    Some(())
}

/// Fills `out` (a ticket reused from one ticket to the next) from the fast form; `None`
/// when the fast form cannot say (the careful read decides).
fn fill(t: &FastTicket<'_>, out: &mut Ticket) -> Option<()> {
    put(&mut out.id, &t.id)?;
    put(&mut out.service, &t.service)?;
    put(&mut out.priority, &t.priority)?;
    out.created_at = instant(&t.created_at)?;
    for (i, e) in t.events.iter().enumerate() {
        let at = instant(&e.at)?;
        if i == out.events.len() {
            out.events.push(TicketEvent { at, kind: EventKind::Resume });
        }
        let slot = &mut out.events[i];
        slot.at = at;
        put_kind(&mut slot.kind, e)?;
    }
    out.events.truncate(t.events.len());
    Some(())
}

/// A ticket read from the input: the ticket, or its id (when readable) and the error.
pub(crate) type Read<'t> = std::result::Result<&'t Ticket, (Option<String>, Error)>;

/// Something that hands each ticket it reads to a function (what-if's input).
pub(crate) type Source<'a> = dyn FnMut(&mut dyn FnMut(Read<'_>)) -> Result<()> + 'a;

/// The careful read of one ticket's JSON text.
fn careful(raw: &str, f: &mut dyn FnMut(Read<'_>)) {
    let v: Value = serde_json::from_str(raw).unwrap_or(Value::Null);
    match Ticket::from_value(&v) {
        Ok(t) => f(Ok(&t)),
        Err(e) => f(Err((super::ticket_id_of(&v), e))),
    }
}

/// The error for text that is not a JSON array of tickets (the parser's own words).
fn not_an_array(text: &str) -> Error {
    let detail = match serde_json::from_str::<Vec<IgnoredAny>>(text) {
        Err(e) => e.to_string(),
        Ok(_) => "unexpected text".to_string(),
    };
    Error::new(ErrorCode::InvalidType, "tickets", format!("expected a JSON array of tickets: {detail}"))
}

/// Reads the tickets of JSON text holding an array one at a time, straight from the text
/// into one reused ticket (the careful read for a ticket the scanner does not take), and
/// hands each to `f` as it is read: nothing is kept, so memory does not grow with the
/// input. `INVALID_TYPE` (with the message a JSON parser gives) when the text is not a
/// JSON array; the tickets before the fault have then been handed out.
pub(crate) fn each_ticket(text: &str, f: &mut dyn FnMut(Read<'_>)) -> Result<()> {
    let mut buf = Ticket { id: String::new(), service: String::new(), priority: String::new(), created_at: Instant::MIN, events: Vec::new() };
    let none = Scalar::Num(0.0);
    let mut fast = FastTicket { id: none, service: none, priority: none, created_at: none, events: Vec::new() };
    let mut sc = Scan { s: text, i: 0 };
    let fault = || Err(not_an_array(text));
    if sc.eat(b'[').is_none() {
        return fault();
    }
    if sc.empty(b']') != Some(true) {
        loop {
            sc.peek();
            let start = sc.i;
            if sc.ticket(&mut fast).is_some() {
                match fill(&fast, &mut buf) {
                    Some(()) => {
                        #[cfg(test)]
                        tests::FAST_READS.with(|c| c.set(c.get() + 1));
                        f(Ok(&buf))
                    }
                    None => careful(&text[start..sc.i], f),
                }
            } else {
                let mut any = serde_json::Deserializer::from_str(&text[start..]).into_iter::<IgnoredAny>();
                let Some(Ok(_)) = any.next() else { return fault() };
                sc.i = start + any.byte_offset();
                careful(&text[start..sc.i], f);
            }
            match sc.next(b']') {
                Some(true) => break,
                Some(false) => {}
                None => return fault(),
            }
        }
    }
    if sc.peek().is_some() {
        return fault();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Tickets `each_ticket` read with the scanner (not the careful read).
        pub(super) static FAST_READS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// Whether `element` takes the scanner's fast path.
    fn fast(element: &str) -> bool {
        let before = FAST_READS.with(|c| c.get());
        let _ = read(element);
        FAST_READS.with(|c| c.get()) == before + 1
    }

    #[test]
    fn well_formed_tickets_take_the_fast_path() {
        let base = r#""service":"svc","priority":"P1","createdAt":"2026-03-02T10:00:00Z""#;
        for element in [
            format!(r#"{{"id":"T-1",{base}}}"#),
            format!(r#"{{ "id" : 17 , {base} , "events" : [ ] }}"#),
            format!(r#"{{"id":"T-1",{base},"events":[{{"at":"2026-03-02T11:00:00Z","type":"pause","reason":"waitingForCustomer"}},{{"type":"resume","at":1772449200000}}]}}"#),
            format!(r#"{{"x":{{"a":[1,-2.5e3,true,false,null,"q\"\\\/\b\f\n\r\t\u00e9"]}},"id":"T-1",{base}}}"#),
        ] {
            assert!(fast(&element), "{element}");
        }
        // An escape inside a known field, and a ticket with an error, go the careful way.
        assert!(!fast(&format!(r#"{{"id":"T-\u0031",{base}}}"#)));
        assert!(!fast(&format!(r#"{{"id":true,{base}}}"#)));
    }

    /// What `each_ticket` hands out for one element.
    fn read(element: &str) -> std::result::Result<Ticket, (Option<String>, String)> {
        let mut got = Vec::new();
        each_ticket(&format!("[{element}]"), &mut |r| got.push(r.cloned().map_err(|(id, e)| (id, e.to_string())))).unwrap();
        assert_eq!(got.len(), 1);
        got.pop().unwrap()
    }

    #[test]
    fn the_scanner_reads_what_the_careful_read_reads() {
        let base = r#""service":"svc","priority":"P1","createdAt":"2026-03-02T10:00:00Z""#;
        for element in [
            format!(r#"{{"id":"T-1",{base}}}"#),
            format!(r#"{{ "id" : 17 , {base} , "events" : [ ] }}"#),
            format!(r#"{{"id":"T-1",{base},"events":[{{"at":"2026-03-02T11:00:00Z","type":"pause","reason":"waitingForCustomer"}},{{"type":"resume","at":1772449200000}}]}}"#),
            format!(r#"{{"id":"T-1",{base},"events":[{{"at":"2026-03-02T11:00:00Z","type":"pause","reason":null}},{{"at":"2026-03-02T12:00:00Z","type":"priorityChange","priority":2}}]}}"#),
            format!(r#"{{"x":{{"a":[1,-2.5e3,true,false,null,"q\"\\\/\b\f\n\r\t\u00e9"]}},"id":"T-1",{base}}}"#),
            format!(r#"{{"id":"T-\u0031",{base}}}"#),
            format!(r#"{{"i\u0064":"T-1",{base}}}"#),
            format!(r#"{{"id":"T-1","id":"T-2",{base}}}"#),
            format!(r#"{{"id":"T-1",{base},"events":[{{"at":"2026-03-02T11:00:00Z","type":"bogus"}}]}}"#),
            format!(r#"{{"id":"T-1",{base},"events":[{{"at":"2026-03-02T11:00:00Z","type":"priorityChange"}}]}}"#),
            format!(r#"{{"id":true,{base}}}"#),
            format!(r#"{{"id":12345678901234567,{base}}}"#),
            format!(r#"{{"id":1e400,{base}}}"#),
            r#"{"id":"T-1","service":"svc","priority":"P1"}"#.to_string(),
            format!(r#"{{"id":"T-1",{base},"events":null}}"#),
            format!(r#"{{"id":5.0,{base}}}"#),
            format!(r#"{{"id":1e3,{base}}}"#),
            format!(r#"{{"id":-0.0,{base}}}"#),
            format!(r#"{{"id":2.5,{base}}}"#),
            format!(r#"{{"id":9007199254740993.0,{base}}}"#),
            "42".to_string(),
            "[]".to_string(),
        ] {
            let v: Value = serde_json::from_str(&element).unwrap_or(Value::Null);
            let careful = Ticket::from_value(&v).map_err(|e| (super::super::ticket_id_of(&v), e.to_string()));
            assert_eq!(read(&element), careful, "{element}");
        }
        // As the typed read before the scanner: a lone surrogate escape in a field the
        // format does not know is skipped (the careful read refuses the whole text).
        assert!(read(&format!(r#"{{"x":"\uD800","id":"T-1",{base}}}"#)).is_ok());
    }

    #[test]
    fn text_that_is_not_an_array_gets_the_parsers_message() {
        for (text, message) in [
            ("{}", "invalid type: map, expected a sequence at line 1 column 0"),
            ("[{},]", "trailing comma at line 1 column 5"),
            ("[] x", "trailing characters at line 1 column 4"),
            ("[{\"id\":\"a\u{1}\"}]", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 9"),
            ("[{\"x\":01}]", "invalid number at line 1 column 8"),
        ] {
            let e = each_ticket(text, &mut |_| {}).unwrap_err();
            assert_eq!((e.path(), e.message()), ("tickets", format!("expected a JSON array of tickets: {message}").as_str()), "{text}");
        }
    }
}
