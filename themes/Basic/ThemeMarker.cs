namespace RetailCrm.Themes.Basic;

/// <summary>Anchors the theme's string resources (<c>Resources/*.json</c>).</summary>
public sealed class ThemeMarker;
