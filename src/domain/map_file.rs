//! The "Map file" setting: where the street map's archive (a `.pmtiles`
//! file, read by HTTP range requests) is, as typed by the user, made into
//! one full address the app can fetch.
//!
//! A path is read against the app's own folder (its base address), so
//! `maps/region.pmtiles` works on a sub-path host as on the root.

/// Why a typed map file cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapFileProblem {
    /// Not an http(s) address or a path.
    NotAnAddress,
    /// The file's name does not end in `.pmtiles`.
    NotPmtiles,
}

/// The full address of the archive `typed`, for an app whose base address
/// (the folder it is served from, ending in `/`) is `base`. Empty text is
/// `Ok(None)`: no street map.
pub fn map_address(typed: &str, base: &str) -> Result<Option<String>, MapFileProblem> {
    let t = typed.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.contains(char::is_whitespace) || t.contains('#') {
        return Err(MapFileProblem::NotAnAddress);
    }
    let full = if let Some(rest) = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
    {
        let host = rest.split(['/', '?']).next().unwrap_or("");
        if host.is_empty() {
            return Err(MapFileProblem::NotAnAddress);
        }
        t.to_string()
    } else if t.contains("://") || t.starts_with("//") {
        return Err(MapFileProblem::NotAnAddress);
    } else if let Some(path) = t.strip_prefix('/') {
        format!(
            "{}/{}",
            origin(base).ok_or(MapFileProblem::NotAnAddress)?,
            path
        )
    } else {
        let folder = base.rsplit_once('/').map_or(base, |(f, _)| f);
        format!("{folder}/{}", t.trim_start_matches("./"))
    };
    let path = full.split('?').next().unwrap_or("");
    if !path.to_ascii_lowercase().ends_with(".pmtiles") {
        return Err(MapFileProblem::NotPmtiles);
    }
    Ok(Some(full))
}

/// The map file as a share link carries it: a path from the app's folder
/// when the file is under it (shorter, and right for the buyer, who opens
/// the same app), else the full address.
pub fn for_link(url: &str, base: &str) -> String {
    let folder = base.rsplit_once('/').map_or(base, |(f, _)| f);
    match url
        .strip_prefix(folder)
        .and_then(|rest| rest.strip_prefix('/'))
    {
        Some(path) if !folder.is_empty() => path.to_string(),
        _ => url.to_string(),
    }
}

/// `https://host:port` of an http(s) address.
fn origin(url: &str) -> Option<&str> {
    let after = url.find("://")? + 3;
    let end = url[after..].find('/').map_or(url.len(), |i| after + i);
    Some(&url[..end])
}

/// The size a phone may keep for a buyer's itinerary map: larger archives
/// are offered to the agent's device only.
pub const BUYER_KEEP_LIMIT: u64 = 50 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://homes.example.org/showplan/";

    #[test]
    fn a_path_is_read_against_the_apps_folder() {
        assert_eq!(
            map_address("maps/region.pmtiles", BASE),
            Ok(Some(
                "https://homes.example.org/showplan/maps/region.pmtiles".into()
            ))
        );
        assert_eq!(
            map_address("./maps/region.pmtiles", "http://127.0.0.1:8091/"),
            Ok(Some("http://127.0.0.1:8091/maps/region.pmtiles".into()))
        );
        assert_eq!(
            map_address("/tiles/city.pmtiles", BASE),
            Ok(Some("https://homes.example.org/tiles/city.pmtiles".into()))
        );
    }

    #[test]
    fn a_full_address_is_kept_and_empty_means_no_map() {
        assert_eq!(
            map_address(" https://maps.example.net/eu/ro.PMTILES?v=2 ", BASE),
            Ok(Some("https://maps.example.net/eu/ro.PMTILES?v=2".into()))
        );
        assert_eq!(map_address("   ", BASE), Ok(None));
    }

    #[test]
    fn a_link_carries_a_path_from_the_apps_folder_when_it_can() {
        let full = "https://homes.example.org/showplan/maps/region.pmtiles";
        assert_eq!(for_link(full, BASE), "maps/region.pmtiles");
        assert_eq!(
            map_address(&for_link(full, BASE), BASE),
            Ok(Some(full.into()))
        );
        let elsewhere = "https://tiles.example.net/region.pmtiles";
        assert_eq!(for_link(elsewhere, BASE), elsewhere);
        assert_eq!(
            for_link("https://homes.example.org/maps/x.pmtiles", BASE),
            "https://homes.example.org/maps/x.pmtiles"
        );
    }

    #[test]
    fn what_is_not_an_archive_address_says_why() {
        assert_eq!(
            map_address("ftp://x.org/a.pmtiles", BASE),
            Err(MapFileProblem::NotAnAddress)
        );
        assert_eq!(
            map_address("https:///a.pmtiles", BASE),
            Err(MapFileProblem::NotAnAddress)
        );
        assert_eq!(
            map_address("my map.pmtiles", BASE),
            Err(MapFileProblem::NotAnAddress)
        );
        assert_eq!(
            map_address("maps/region.mbtiles", BASE),
            Err(MapFileProblem::NotPmtiles)
        );
        assert_eq!(
            map_address("https://tiles.example.org/{z}/{x}/{y}.mvt", BASE),
            Err(MapFileProblem::NotPmtiles)
        );
    }
}
