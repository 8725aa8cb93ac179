//! Reading many tickets fast from JSON text: each ticket is deserialized straight into a
//! typed form (borrowed strings, no `Value` tree); a ticket the fast form cannot read
//! (an escape in a string, a missing field, a wrong type, ...) is read again the careful
//! way, which gives the same ticket or the exact error with its path.

use crate::error::{Error, ErrorCode, Result};
use crate::sla::{EventKind, Ticket, TicketEvent};
use crate::Instant;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::fmt;

/// A string or a number, borrowed from the input.
enum Scalar<'a> {
    Str(&'a str),
    Num(f64),
}

impl<'de: 'a, 'a> Deserialize<'de> for Scalar<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> std::result::Result<Self::Value, E> {
                Ok(Scalar::Str(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
                Ok(Scalar::Num(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Self::Value, E> {
                Ok(Scalar::Num(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Self::Value, E> {
                Ok(Scalar::Num(v as f64))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
struct FastEvent<'a> {
    #[serde(borrow)]
    at: Scalar<'a>,
    #[serde(rename = "type", borrow)]
    kind: &'a str,
    #[serde(default, borrow)]
    reason: Option<Scalar<'a>>,
    #[serde(default, borrow)]
    priority: Option<Scalar<'a>>,
}

#[derive(Deserialize)]
struct FastTicket<'a> {
    #[serde(borrow)]
    id: Scalar<'a>,
    #[serde(borrow)]
    service: Scalar<'a>,
    #[serde(borrow)]
    priority: Scalar<'a>,
    #[serde(rename = "createdAt", borrow)]
    created_at: Scalar<'a>,
    #[serde(default, borrow)]
    events: Vec<FastEvent<'a>>,
}

fn text(s: &Scalar<'_>) -> Option<String> {
    match *s {
        Scalar::Str(v) => Some(v.to_string()),
        Scalar::Num(n) if n.fract() == 0.0 && n.abs() < 9e15 => Some(format!("{}", n as i64)),
        Scalar::Num(_) => None,
    }
}

fn instant(s: &Scalar<'_>) -> Option<Instant> {
    match *s {
        Scalar::Str(v) => Instant::parse(v).ok(),
        Scalar::Num(n) => Instant::from_epoch_f64(n).ok(),
    }
}

fn fast(t: &FastTicket<'_>) -> Option<Ticket> {
    let mut events = Vec::with_capacity(t.events.len());
    for e in &t.events {
        let kind = match e.kind {
            "pause" => EventKind::Pause { reason: match &e.reason { Some(r) => Some(text(r)?), None => None } },
            "resume" => EventKind::Resume,
            "respond" => EventKind::Respond,
            "resolve" => EventKind::Resolve,
            "reopen" => EventKind::Reopen,
            "priorityChange" => EventKind::PriorityChange { priority: text(e.priority.as_ref()?)? },
            _ => return None,
        };
        events.push(TicketEvent { at: instant(&e.at)?, kind });
    }
    Some(Ticket {
        id: text(&t.id)?,
        service: text(&t.service)?,
        priority: text(&t.priority)?,
        created_at: instant(&t.created_at)?,
        events,
    })
}

/// One ticket read from its raw JSON: the ticket, or its id (when readable) and error.
pub(crate) fn read_ticket(raw: &RawValue) -> std::result::Result<Ticket, (Option<String>, Error)> {
    if let Ok(t) = serde_json::from_str::<FastTicket<'_>>(raw.get()) {
        if let Some(ticket) = fast(&t) {
            return Ok(ticket);
        }
    }
    let v: Value = serde_json::from_str(raw.get()).unwrap_or(Value::Null);
    Ticket::from_value(&v).map_err(|e| (super::ticket_id_of(&v), e))
}

/// Splits JSON text holding an array of tickets into the raw text of each ticket.
pub(crate) fn split_tickets(text: &str) -> Result<Vec<&RawValue>> {
    serde_json::from_str::<Vec<&RawValue>>(text).map_err(|e| {
        Error::new(ErrorCode::InvalidType, "tickets", format!("expected a JSON array of tickets: {e}"))
    })
}

/// Every ticket of JSON text holding an array, each read on its own (a typed read, with
/// the careful read as fallback). Reading the whole array in one typed pass was tried: it
/// needs all tickets in memory at once, and the wasm memory growth made the first call
/// of a 100,000-ticket report four times slower.
pub(crate) fn read_all(text: &str) -> Result<impl Iterator<Item = std::result::Result<Ticket, (Option<String>, Error)>> + '_> {
    Ok(split_tickets(text)?.into_iter().map(read_ticket))
}
