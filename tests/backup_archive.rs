//! "Back up everything": the ZIP file with the document and the media.
use showplan::domain::backup_archive::{self, ArchiveError, MediaFile, DOCUMENT};
use std::io::Write;

fn photo(n: u128, len: usize) -> MediaFile {
    MediaFile {
        id: uuid::Uuid::from_u128(n),
        mime: "image/jpeg".into(),
        bytes: (0..len).map(|i| (i * 13 % 256) as u8).collect(),
    }
}

#[test]
fn the_document_and_every_file_come_back_byte_for_byte() {
    let media = [
        photo(1, 300_000),
        MediaFile {
            id: uuid::Uuid::from_u128(2),
            mime: "audio/webm;codecs=opus".into(),
            bytes: vec![1, 2, 3],
        },
        photo(3, 0),
    ];
    let document = "{\"format\":\"showplan\",\"version\":4,\"document\":{\"buyers\":[]}}";
    let mut seen = Vec::new();
    let zip =
        backup_archive::write(document, media.iter(), |done, all| seen.push((done, all))).unwrap();
    assert!(backup_archive::is_archive(&zip));
    assert_eq!(seen, [(1, 4), (2, 4), (3, 4), (4, 4)]);
    let back = backup_archive::read(&zip).unwrap();
    assert_eq!(back.document, document);
    assert_eq!(back.media.len(), 3);
    assert_eq!(back.media[0], media[0]);
    // The type is named by the file's ending: codecs are not kept.
    assert_eq!(back.media[1].mime, "audio/webm");
    assert_eq!(back.media[1].bytes, [1, 2, 3]);
    assert!(back.media[2].bytes.is_empty());
}

#[test]
fn a_backup_without_media_still_reads() {
    let zip = backup_archive::write("{}", [].iter(), |_, _| {}).unwrap();
    let back = backup_archive::read(&zip).unwrap();
    assert_eq!(back.document, "{}");
    assert!(back.media.is_empty());
}

#[test]
fn a_zip_that_is_not_a_backup_or_is_damaged_is_refused() {
    assert!(!backup_archive::is_archive(b"{\"format\":\"showplan\"}"));
    // Another program's ZIP: no document in it.
    let mut other = Vec::new();
    {
        let mut archive = rawzip::ZipArchiveWriter::new(&mut other);
        let (mut entry, config) = archive.new_file("notes.txt").start().unwrap();
        let mut writer = config.wrap(&mut entry);
        writer.write_all(b"hello").unwrap();
        let (_, descriptor) = writer.finish().unwrap();
        entry.finish(descriptor).unwrap();
        archive.finish().unwrap();
    }
    assert_eq!(backup_archive::read(&other), Err(ArchiveError::NoDocument));
    // Cut short.
    let zip = backup_archive::write("{}", [photo(1, 5000)].iter(), |_, _| {}).unwrap();
    assert!(matches!(
        backup_archive::read(&zip[..zip.len() / 2]),
        Err(ArchiveError::Damaged(_))
    ));
    // A flipped byte in a photo fails its check.
    let mut flipped = zip.clone();
    let at = flipped
        .windows(4)
        .position(|w| w == [13, 26, 39, 52])
        .unwrap();
    flipped[at] ^= 0xFF;
    assert!(matches!(
        backup_archive::read(&flipped),
        Err(ArchiveError::Damaged(_))
    ));
}

#[test]
fn entries_outside_the_layout_are_left_out() {
    let mut zip = Vec::new();
    {
        let mut archive = rawzip::ZipArchiveWriter::new(&mut zip);
        for (path, bytes) in [
            (DOCUMENT, &b"{}"[..]),
            ("../../etc/passwd", b"x"),
            ("media/not-an-id.jpg", b"x"),
            ("media/00000000-0000-0000-0000-000000000007.jpg", b"photo"),
        ] {
            let (mut entry, config) = archive.new_file(path).start().unwrap();
            let mut writer = config.wrap(&mut entry);
            writer.write_all(bytes).unwrap();
            let (_, descriptor) = writer.finish().unwrap();
            entry.finish(descriptor).unwrap();
        }
        archive.finish().unwrap();
    }
    let back = backup_archive::read(&zip).unwrap();
    assert_eq!(back.media.len(), 1);
    assert_eq!(back.media[0].id, uuid::Uuid::from_u128(7));
}

#[test]
fn each_media_type_keeps_its_ending() {
    for mime in [
        "image/jpeg",
        "image/png",
        "audio/webm",
        "audio/ogg",
        "audio/mp4",
        "audio/mpeg",
    ] {
        let ending = backup_archive::extension(mime);
        assert_eq!(backup_archive::mime_of(ending), mime);
    }
    assert_eq!(backup_archive::extension("video/x-unknown"), "bin");
}
