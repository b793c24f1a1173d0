global using RetailCrm.Testing;
global using Shouldly;
global using Xunit;
