//! "Back up everything": one ZIP file with the document and every photo
//! and voice note, through `rawzip` (the entries stored as they are: JPEG
//! and audio are compressed already).
//!
//! Layout: `showplan-backup.json` (the same text as a backup without
//! media, so the same reader takes it), then `media/<id>.<ext>` for each
//! photo or recording. The document says which home each one belongs to.
use super::model::Id;
use std::io::{Read, Write};

/// The document's entry in the archive.
pub const DOCUMENT: &str = "showplan-backup.json";

/// The longest archive read (a zip bomb or a wrong file stops here).
const MAX_ENTRY: u64 = 512 * 1024 * 1024;

/// A photo or recording in a backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    pub id: Id,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// The file-name ending a media type is kept under.
pub fn extension(mime: &str) -> &'static str {
    match mime.split(';').next().unwrap_or("").trim() {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        "audio/webm" => "webm",
        "audio/ogg" => "ogg",
        "audio/mp4" => "m4a",
        "audio/mpeg" => "mp3",
        _ => "bin",
    }
}

/// The media type a file-name ending stands for.
pub fn mime_of(extension: &str) -> &'static str {
    match extension {
        "jpg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "webm" => "audio/webm",
        "ogg" => "audio/ogg",
        "m4a" => "audio/mp4",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

/// Does `bytes` start like a ZIP archive?
pub fn is_archive(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Why a backup archive could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// Not a ZIP file, or a damaged one.
    Damaged(String),
    /// A ZIP file without Showplan's document in it.
    NoDocument,
}

fn damaged(e: impl std::fmt::Display) -> ArchiveError {
    ArchiveError::Damaged(e.to_string())
}

fn words(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn add(
    archive: &mut rawzip::ZipArchiveWriter<&mut Vec<u8>>,
    path: &str,
    bytes: &[u8],
) -> Result<(), String> {
    let (mut entry, config) = archive.new_file(path).start().map_err(words)?;
    let mut writer = config.wrap(&mut entry);
    writer.write_all(bytes).map_err(words)?;
    let (_, descriptor) = writer.finish().map_err(words)?;
    entry.finish(descriptor).map_err(words)?;
    Ok(())
}

/// Writes the archive: the document's text and each media file.
/// `progress(done, all)` is called after each entry. A failure (out of
/// memory, mostly) comes in the library's words.
pub fn write<'a>(
    document: &str,
    media: impl ExactSizeIterator<Item = &'a MediaFile>,
    mut progress: impl FnMut(usize, usize),
) -> Result<Vec<u8>, String> {
    let all = media.len() + 1;
    let mut out = Vec::new();
    let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
    add(&mut archive, DOCUMENT, document.as_bytes())?;
    progress(1, all);
    for (i, file) in media.enumerate() {
        let path = format!("media/{}.{}", file.id, extension(&file.mime));
        add(&mut archive, &path, &file.bytes)?;
        progress(i + 2, all);
    }
    archive.finish().map_err(words)?;
    Ok(out)
}

/// What a backup archive holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contents {
    pub document: String,
    pub media: Vec<MediaFile>,
}

/// Reads a backup archive; entries it does not know are left out.
pub fn read(bytes: &[u8]) -> Result<Contents, ArchiveError> {
    let archive = rawzip::ZipArchive::from_slice(bytes).map_err(damaged)?;
    let mut entries = archive.entries();
    let mut document = None;
    let mut media = Vec::new();
    while let Some(entry) = entries.next_entry().map_err(damaged)? {
        if entry.is_dir() {
            continue;
        }
        let path = entry.file_path().try_normalize().map_err(damaged)?;
        let path: &str = path.as_ref();
        let wanted = if path == DOCUMENT {
            Some(None)
        } else {
            path.strip_prefix("media/")
                .and_then(|name| name.split_once('.'))
                .and_then(|(id, ext)| Id::parse_str(id).ok().map(|id| Some((id, mime_of(ext)))))
        };
        let Some(wanted) = wanted else { continue };
        if entry.compression_method() != rawzip::CompressionMethod::STORE
            || entry.uncompressed_size_hint() > MAX_ENTRY
        {
            return Err(ArchiveError::Damaged(format!(
                "{path}: not stored as Showplan writes it"
            )));
        }
        let local = archive.get_entry(entry.wayfinder()).map_err(damaged)?;
        let mut data = Vec::with_capacity(entry.uncompressed_size_hint() as usize);
        local
            .verifying_reader(local.data())
            .read_to_end(&mut data)
            .map_err(damaged)?;
        match wanted {
            None => document = Some(String::from_utf8(data).map_err(damaged)?),
            Some((id, mime)) => media.push(MediaFile {
                id,
                mime: mime.to_string(),
                bytes: data,
            }),
        }
    }
    Ok(Contents {
        document: document.ok_or(ArchiveError::NoDocument)?,
        media,
    })
}
